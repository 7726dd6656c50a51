extension PageTemplate {
    /// The script's last part: zoom and pan (a CSS transform of the picture: drag,
    /// wheel, pinch, the buttons, + − 0), a step's node brought into sight, the keys (→ ← Home End,
    /// space to play or pause, Tab to a node), and start-up. Start-up does work in
    /// proportion to the graph once; it marks `graddiff-ready` for the browser test.
    static let viewing = #"""
    const graph = byId('gd-graph');
    // The picture keeps its own size (one pixel per Graphviz point) and is moved and
    // scaled by a CSS transform: the picture is drawn again but never laid out again.
    // Moving its viewBox instead cost 15 ms a step on a 200-node graph, and so did a
    // size in percent (any change elsewhere on the page laid the picture out again).
    let whole = null;
    let camera = null;

    function place(next) {
      camera = next;
      svg.style.transform = 'translate(' + next.x + 'px, ' + next.y + 'px) scale(' + next.k + ')';
    }
    function fit() {
      const panel = graph.getBoundingClientRect();
      const k = Math.min(panel.width / whole.w, panel.height / whole.h);
      place({ x: (panel.width - k * whole.w) / 2, y: (panel.height - k * whole.h) / 2, k: k });
    }
    function toPanel(clientX, clientY) {
      const panel = graph.getBoundingClientRect();
      return { x: clientX - panel.left, y: clientY - panel.top };
    }
    function zoom(factor, center) {
      if (!camera) return;
      const panel = graph.getBoundingClientRect();
      const smallest = Math.min(panel.width / whole.w, panel.height / whole.h) / 3;
      const k = Math.min(8, Math.max(smallest, camera.k * factor));
      const c = center || { x: panel.width / 2, y: panel.height / 2 };
      const ratio = k / camera.k;
      place({ x: c.x - (c.x - camera.x) * ratio, y: c.y - (c.y - camera.y) * ratio, k: k });
    }
    function panBy(dx, dy) {
      if (camera) place({ x: camera.x + dx, y: camera.y + dy, k: camera.k });
    }
    // Pans (never zooms) an element that is out of sight, or nearly, to the middle of
    // the graph's panel: the steps on either side of it are then in sight too, so the
    // picture moves seldom.
    function keepInView(target) {
      if (!camera || !target) return;
      const box = target.getBoundingClientRect();
      const panel = graph.getBoundingClientRect();
      const margin = Math.min(60, panel.width * 0.1, panel.height * 0.1);
      if (box.left >= panel.left + margin && box.right <= panel.right - margin &&
          box.top >= panel.top + margin && box.bottom <= panel.bottom - margin) return;
      panBy((panel.left + panel.right - box.left - box.right) / 2, (panel.top + panel.bottom - box.top - box.bottom) / 2);
    }
    // Focus or a script scrolling an element into sight scrolls the panel, which has no
    // scroll bars: the same move becomes a pan, and the panel stays unscrolled.
    graph.addEventListener('scroll', function () {
      const [left, top] = [graph.scrollLeft, graph.scrollTop];
      if (!left && !top) return;
      graph.scrollLeft = 0;
      graph.scrollTop = 0;
      panBy(-left, -top);
    });
    function setUpView() {
      if (!svg) return;
      const box = svg.viewBox.baseVal;
      const margin = Math.max(box.width, box.height) * 0.03;
      whole = { x: box.x - margin, y: box.y - margin, w: box.width + 2 * margin, h: box.height + 2 * margin };
      svg.setAttribute('viewBox', [whole.x, whole.y, whole.w, whole.h].join(' '));
      svg.style.width = whole.w + 'px';
      svg.style.height = whole.h + 'px';
      fit();
      // A graph too large to read whole starts at a readable size, at its first step.
      const readable = 0.8;
      if (camera.k < readable * 0.7) {
        zoom(readable / camera.k);
        const first = steps.length ? records[steps[0].node] : records[data.output];
        if (first) keepInView(first.group);
      }
    }

    const pointers = new Map();
    let dragged = false;
    graph.addEventListener('pointerdown', function (event) {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY, startX: event.clientX, startY: event.clientY });
      if (pointers.size === 1) dragged = false;
    });
    graph.addEventListener('pointermove', function (event) {
      const last = pointers.get(event.pointerId);
      if (!last) return hover(event);
      const now = { x: event.clientX, y: event.clientY, startX: last.startX, startY: last.startY };
      if (pointers.size === 2) {
        const other = Array.from(pointers.entries()).find(([id]) => id !== event.pointerId)[1];
        const before = Math.hypot(last.x - other.x, last.y - other.y);
        const after = Math.hypot(now.x - other.x, now.y - other.y);
        if (before > 0) zoom(after / before, toPanel((now.x + other.x) / 2, (now.y + other.y) / 2));
        dragged = true;
      } else if (dragged || Math.hypot(now.x - now.startX, now.y - now.startY) > 4) {
        if (!dragged) graph.setPointerCapture(event.pointerId);
        dragged = true;
        graph.classList.add('gd-dragging');
        panBy(now.x - last.x, now.y - last.y);
      }
      pointers.set(event.pointerId, now);
    });
    function release(event) {
      pointers.delete(event.pointerId);
      if (pointers.size === 0) graph.classList.remove('gd-dragging');
    }
    graph.addEventListener('pointerup', release);
    graph.addEventListener('pointercancel', release);
    graph.addEventListener('wheel', function (event) {
      event.preventDefault();
      zoom(Math.exp(-event.deltaY * 0.0015), toPanel(event.clientX, event.clientY));
    }, { passive: false });
    graph.addEventListener('click', function (event) {
      if (dragged) {
        dragged = false;
        return;
      }
      const i = nodeOf(event.target);
      if (i !== null) inspect(i);
    });
    function hover(event) {
      const edge = event.target.closest ? event.target.closest('g.edge') : null;
      if (edge && edgeRoles.has(edge) && !edge.classList.contains('gd-hidden')) {
        showTip(event, edgeTip(edgeRoles.get(edge)));
      } else {
        byId('gd-tip').hidden = true;
      }
      const i = nodeOf(event.target);
      if (i !== hovered) {
        hovered = i;
        renderProgram();
      }
    }
    graph.addEventListener('pointerleave', function () {
      byId('gd-tip').hidden = true;
      if (hovered !== null) {
        hovered = null;
        renderProgram();
      }
    });

    let timer = null;
    function setPlaying(on) {
      if (on === (timer !== null)) return;
      if (on) {
        if (position >= steps.length) goTo(0);
        timer = setInterval(function () {
          goTo(position + 1);
          if (position >= steps.length) setPlaying(false);
        }, 700);
      } else {
        clearInterval(timer);
        timer = null;
      }
      const button = byId('gd-play');
      button.setAttribute('aria-pressed', String(on));
      button.firstChild.textContent = on ? '❚❚' : '▶';
      button.querySelector('.gd-label').textContent = on ? ' Pause' : ' Play';
    }
    function stepTo(target) {
      setPlaying(false);
      goTo(target);
    }

    document.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || !data.stepping && !'+-=_0'.includes(event.key)) return;
      switch (event.key) {
        case 'ArrowRight': stepTo(position + 1); break;
        case 'ArrowLeft': stepTo(position - 1); break;
        case 'Home': stepTo(0); break;
        case 'End': stepTo(steps.length); break;
        case ' ':
          if (event.target instanceof HTMLButtonElement) return;
          setPlaying(timer === null);
          break;
        case 'Enter': {
          const i = nodeOf(event.target);
          if (i === null) return;
          inspect(i);
          break;
        }
        case '+': case '=': zoom(1.25); break;
        case '-': case '_': zoom(0.8); break;
        case '0': fit(); break;
        default: return;
      }
      event.preventDefault();
    });
    byId('gd-first').addEventListener('click', () => stepTo(0));
    byId('gd-back').addEventListener('click', () => stepTo(position - 1));
    byId('gd-play').addEventListener('click', () => setPlaying(timer === null));
    byId('gd-next').addEventListener('click', () => stepTo(position + 1));
    byId('gd-last').addEventListener('click', () => stepTo(steps.length));
    byId('gd-zoom-in').addEventListener('click', () => zoom(1.25));
    byId('gd-zoom-out').addEventListener('click', () => zoom(0.8));
    byId('gd-zoom-fit').addEventListener('click', fit);

    // Every value box can be reached with Tab; focusing one inspects it.
    function makeFocusable() {
      records.forEach(function (record, i) {
        if (!record) return;
        const node = nodes[i];
        record.group.setAttribute('tabindex', '0');
        record.group.setAttribute('role', 'button');
        record.group.setAttribute('aria-label', node.label === node.text ? node.label : node.label + ' = ' + node.text);
        record.group.addEventListener('focus', function () {
          keepInView(record.group);
          inspect(i);
        });
      });
    }

    function start() {
      indexPicture();
      steps.forEach(function (step) { if (step.pass === 'backward') sendsOf[step.node] = step.sends; });
      nodes.forEach(function (node, i) { if (node.op === 'const') computed[i] = 1; });
      indexEdgeRoles();
      makeFocusable();
      renderNotes();
      byId('gd-source-name').textContent = '(' + data.sourceName + ')';
      if (data.stepping) {
        for (let i = 0; i < count; i++) renderNode(i);
      } else {
        const banner = byId('gd-banner');
        banner.textContent = 'This graph has ' + data.nodeCount + ' nodes: the page steps through graphs of up to ' +
          data.steppingLimit + ', so the picture shows only the final values and gradients.';
        banner.hidden = false;
      }
      setUpView();
      if (data.stepping) {
        showStep();
      } else {
        for (const id of ['gd-first', 'gd-back', 'gd-play', 'gd-next', 'gd-last']) byId(id).disabled = true;
        byId('gd-status').textContent = 'No stepping: ' + data.nodeCount + ' nodes';
        byId('gd-step').textContent = 'The picture shows the final values and gradients.';
        renderProgram();
      }
      performance.mark('graddiff-ready');
      document.documentElement.dataset.ready = 'true';
    }
    start();

    """#
}
