extension PageTemplate {
    /// The page's CSS: a light and a dark theme following the system's, the graph
    /// beside the panels at 1280×800 and above them on a phone. The picture's own
    /// colours are Graphviz attributes, which CSS overrides: the dark theme recolours
    /// them by value. The pass is never told by colour alone: forward edges are solid,
    /// backward ones dashed and labelled, and unknown numbers read `?`.
    static let style = #"""
    :root {
      color-scheme: light dark;
      --bg: #ffffff; --fg: #1b1b1b; --muted: #545454; --panel: #f4f5f7; --border: #c4c8ce;
      --accent: #0b57d0; --forward: #0b57d0; --backward: #b3261e; --note: #8a4b00;
      --mark-step: #ffe58a; --mark-selected: #c6dcff; --tip-bg: #1b1b1b; --tip-fg: #ffffff;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #121417; --fg: #e8e8e8; --muted: #b4b4b4; --panel: #1c1f24; --border: #40454d;
        --accent: #8ab4f8; --forward: #8ab4f8; --backward: #f59a92; --note: #ffb86b;
        --mark-step: #6b5400; --mark-selected: #1f4070; --tip-bg: #e8e8e8; --tip-fg: #121417;
      }
      #gd-graph svg [stroke="black"] { stroke: #c8c8c8; }
      #gd-graph svg [fill="black"] { fill: #c8c8c8; }
      #gd-graph svg text:not([fill]) { fill: #e8e8e8; }
      #gd-graph svg [fill="#cfe2ff"] { fill: #1b3a66; }
      #gd-graph svg [fill="#eeeeee"] { fill: #33373d; }
      #gd-graph svg [fill="#e3f4e1"] { fill: #1d3b24; }
      #gd-graph svg [fill="#ffe08a"] { fill: #5c4700; }
      #gd-graph svg [stroke="#c0392b"] { stroke: #f59a92; }
      #gd-graph svg [fill="#c0392b"] { fill: #f59a92; }
      #gd-graph svg [fill="#737373"] { fill: #a0a0a0; }
    }
    * { box-sizing: border-box; }
    html, body { margin: 0; background: var(--bg); color: var(--fg); }
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
           display: flex; flex-direction: column; min-height: 100vh; }
    code, pre, .gd-tip { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
    .gd-bar { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem; padding: .5rem 1rem;
              background: var(--panel); border-bottom: 1px solid var(--border); }
    .gd-bar h1 { font-size: 1rem; margin: 0; font-weight: 600; min-width: 0; max-width: 48ch;
                 overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .gd-brand { color: var(--muted); font-weight: 500; }
    .gd-controls { display: flex; gap: .3rem; }
    #gd-status { margin: 0; flex: 1 1 24ch; color: var(--fg); }
    button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border);
             border-radius: 6px; padding: .25rem .6rem; min-height: 2.25rem; min-width: 2.25rem; cursor: pointer; }
    button:hover:not(:disabled) { border-color: var(--accent); }
    button:disabled { opacity: .5; cursor: default; }
    button[aria-pressed="true"] { background: var(--accent); color: var(--bg); border-color: var(--accent); }
    button:focus-visible, #gd-graph svg g.node:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    .gd-banner { margin: 0; padding: .5rem 1rem; border-bottom: 1px solid var(--border); color: var(--note);
                 background: var(--panel); font-weight: 600; }
    .gd-main { flex: 1 1 auto; display: grid; grid-template-columns: minmax(0, 1fr) minmax(320px, min(560px, 44vw)); min-height: 0; }
    .gd-graph-panel { position: relative; min-height: 0; border-right: 1px solid var(--border); }
    .gd-graph { position: absolute; inset: 0; overflow: hidden; touch-action: none; cursor: grab; }
    .gd-graph.gd-dragging { cursor: grabbing; }
    .gd-graph svg { display: block; position: absolute; left: 0; top: 0; transform-origin: 0 0; }
    .gd-zoom { position: absolute; top: .5rem; right: .5rem; z-index: 2; display: flex; gap: .3rem; }
    .gd-side { padding: 0 1rem 1rem; min-height: 0; overflow: auto; }
    .gd-side h2 { font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em;
                  color: var(--muted); margin: 1rem 0 .35rem; }
    .gd-side h2 span { text-transform: none; letter-spacing: 0; font-weight: 400; }
    pre, .gd-text { font-size: 12.5px; line-height: 1.4; white-space: pre; overflow-x: auto; margin: 0;
                    background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: .5rem .6rem; }
    pre.gd-note, #gd-notes pre { white-space: pre-wrap; overflow-wrap: anywhere; }
    #gd-program { max-height: 14rem; overflow: auto; }
    mark { color: inherit; border-radius: 2px; }
    mark.gd-mark-step { background: var(--mark-step); outline: 1px solid var(--fg); }
    mark.gd-mark-selected { background: var(--mark-selected); text-decoration: underline; }
    #gd-inspector h3 { font-size: 1rem; margin: 0 0 .4rem; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
    #gd-inspector dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0 0 .5rem; }
    #gd-inspector dt { color: var(--muted); }
    #gd-inspector dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
    #gd-inspector h4 { font-size: .85rem; margin: .7rem 0 .25rem; }
    #gd-inspector p, .gd-hint { margin: .25rem 0; color: var(--muted); }
    .gd-note, #gd-notes pre { border-color: var(--note); }
    #gd-notes pre + pre { margin-top: .4rem; }
    .gd-legend { border-top: 1px solid var(--border); padding: .3rem 1rem; font-size: .85rem; color: var(--muted); }
    .gd-legend p { margin: 0; }
    .gd-tip { position: fixed; z-index: 10; pointer-events: none; max-width: 28rem; white-space: pre-wrap;
              background: var(--tip-bg); color: var(--tip-fg); padding: .3rem .5rem; border-radius: 4px; font-size: 13px; }
    #gd-graph svg g.graph > polygon { fill: transparent; }
    #gd-graph svg text { user-select: none; }
    #gd-graph svg g.node { cursor: pointer; }
    #gd-graph svg g.node:focus { outline: none; }
    #gd-graph svg text.gd-unknown { fill: var(--muted); font-style: italic; }
    #gd-graph svg text.gd-partial { font-style: italic; }
    #gd-graph svg g.edge.gd-pending, #gd-graph svg g.node.gd-pending-op { opacity: .3; }
    #gd-graph svg g.edge.gd-hidden { visibility: hidden; }
    #gd-graph svg path.gd-hit { stroke: transparent; stroke-width: 12px; fill: none; pointer-events: stroke; }
    #gd-graph svg g.gd-active > polygon:first-of-type, #gd-graph svg g.gd-active > ellipse { stroke: var(--accent); stroke-width: 3.5px; }
    #gd-graph svg g.gd-selected > polygon:first-of-type, #gd-graph svg g.gd-selected > ellipse { stroke: var(--fg); stroke-width: 2.5px; stroke-dasharray: 5 2; }
    #gd-graph svg g.edge.gd-active-forward path:not(.gd-hit) { stroke: var(--forward); stroke-width: 3px; }
    #gd-graph svg g.edge.gd-active-forward polygon { fill: var(--forward); stroke: var(--forward); }
    #gd-graph svg g.edge.gd-active-backward path:not(.gd-hit) { stroke: var(--backward); stroke-width: 3px; }
    #gd-graph svg g.edge.gd-active-backward text { font-weight: 700; }
    #gd-graph svg text.gd-badge { fill: var(--note); font-weight: 700; }
    @media (min-width: 861px) {
      body { height: 100vh; overflow: hidden; }
    }
    @media (max-width: 860px) {
      .gd-main { grid-template-columns: minmax(0, 1fr); }
      .gd-graph-panel { height: 58vh; border-right: 0; border-bottom: 1px solid var(--border); }
    }
    @media (max-width: 520px) {
      .gd-label { display: none; }
      .gd-bar { padding: .4rem .5rem; }
      .gd-side { padding: 0 .5rem 1rem; }
      #gd-status { flex-basis: 100%; font-size: .9rem; }
    }

    """#
}
