/// The HTML of the page `PageFormatter` writes: the bar of stepping buttons, the graph,
/// and a side panel with the current step, the inspected node, the program's text and
/// the warnings. The style (PageTemplate+Style.swift) and the script (+Script,
/// +Narration, +Inspector, +View) are inline, and the Content-Security-Policy forbids
/// every fetch, so the page can make no network request even by mistake.
enum PageTemplate {
    static func page(heading: String, data: String, svg: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <meta name="color-scheme" content="light dark">
        <meta name="generator" content="graddiff">
        <title>graddiff: \(MarkupText.escaped(heading))</title>
        <style>
        \(style)</style>
        </head>
        <body>
        <header class="gd-bar">
          <h1><span class="gd-brand">graddiff</span> <code id="gd-title">\(MarkupText.escaped(heading))</code></h1>
          <nav class="gd-controls" aria-label="Step through the passes">
            <button type="button" id="gd-first" aria-keyshortcuts="Home" title="Start (Home)">⇤<span class="gd-label"> Start</span></button>
            <button type="button" id="gd-back" aria-keyshortcuts="ArrowLeft" title="Back one step (←)">←<span class="gd-label"> Back</span></button>
            <button type="button" id="gd-play" aria-keyshortcuts="Space" aria-pressed="false" title="Play or pause (space)">▶<span class="gd-label"> Play</span></button>
            <button type="button" id="gd-next" aria-keyshortcuts="ArrowRight" title="Next step (→)"><span class="gd-label">Next </span>→</button>
            <button type="button" id="gd-last" aria-keyshortcuts="End" title="End (End)"><span class="gd-label">End </span>⇥</button>
          </nav>
          <p id="gd-status" role="status" aria-live="polite"></p>
        </header>
        <p id="gd-banner" class="gd-banner" hidden></p>
        <main class="gd-main">
          <section class="gd-graph-panel" aria-label="The graph">
            <div class="gd-zoom" role="group" aria-label="Zoom">
              <button type="button" id="gd-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
              <button type="button" id="gd-zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
              <button type="button" id="gd-zoom-fit" title="Fit the whole graph (0)">Fit</button>
            </div>
            <div id="gd-graph" class="gd-graph">
        \(svg)
            </div>
            <div id="gd-tip" class="gd-tip" role="tooltip" hidden></div>
          </section>
          <aside class="gd-side">
            <section aria-labelledby="gd-step-heading">
              <h2 id="gd-step-heading">This step</h2>
              <pre id="gd-step" class="gd-text"></pre>
            </section>
            <section aria-labelledby="gd-node-heading">
              <h2 id="gd-node-heading">Node</h2>
              <div id="gd-inspector"><p class="gd-hint">Click a node, or Tab to it, to see its chain rule.</p></div>
            </section>
            <section aria-labelledby="gd-program-heading">
              <h2 id="gd-program-heading">Program <span id="gd-source-name"></span></h2>
              <pre id="gd-program" class="gd-text"></pre>
            </section>
            <section id="gd-notes-section" aria-labelledby="gd-notes-heading" hidden>
              <h2 id="gd-notes-heading">Warnings</h2>
              <div id="gd-notes"></div>
            </section>
          </aside>
        </main>
        <footer class="gd-legend">
          <p><b>Keys</b>: → next, ← back, Home start, End end, space play or pause, + − 0 zoom, Tab to a node.
          <b>Forward</b>: solid blue edges, each <i>value</i> as it is computed.
          <b>Backward</b>: dashed red edges labelled gradient · local partial = what is sent; <i>grad ?</i> until the backward pass reaches the node, <i>+ …</i> while more paths are to come.</p>
        </footer>
        <script type="application/json" id="gd-data">
        \(data)</script>
        <script>
        (function () {
        'use strict';
        \(stepping)\(narrating)\(inspecting)\(viewing)})();
        </script>
        </body>
        </html>

        """
    }
}
