extension PageTemplate {
    /// The script's second part: the inspector (a node's value, local partials and
    /// chain-rule text, as far as the passes have got), the program's text with spans
    /// marked, the edges' tooltips and the warnings. Text goes in with `textContent`,
    /// never as HTML, so a name in the program cannot inject anything.
    static let inspecting = #"""
    let selected = null;
    let hovered = null;

    function element(tag, text, className) {
      const made = document.createElement(tag);
      if (text !== undefined) made.textContent = text;
      if (className) made.className = className;
      return made;
    }

    function inspect(i) {
      if (selected !== null && records[selected]) records[selected].group.classList.remove('gd-selected');
      selected = i;
      if (records[i]) records[i].group.classList.add('gd-selected');
      renderInspector();
      renderProgram();
    }

    function partialText(i, input) {
      const name = '∂' + nodes[i].label + '/∂' + nodes[input.node].label + ' = ' + input.formula;
      return input.partial === input.formula ? name : name + ' = ' + input.partial;
    }

    function renderInspector() {
      if (selected === null) return;
      const i = selected;
      const node = nodes[i];
      const box = byId('gd-inspector');
      box.replaceChildren();
      box.appendChild(element('h3', node.label === node.text ? node.label : node.label + ' = ' + node.text));
      const facts = element('dl');
      const state = gradientState(i);
      const rows = [['op', node.op], ['value', computed[i] ? node.valueText : '? (not computed yet)'],
        ['gradient', state ? state.text + (state.complete ? '' : ' so far, ' + state.received + ' of ' +
          node.arrivals.length + ' contributions') : '? (the backward pass has not reached it)']];
      for (const [term, description] of rows) {
        facts.appendChild(element('dt', term));
        facts.appendChild(element('dd', description));
      }
      box.appendChild(facts);
      if (computed[i] && node.forward !== null) {
        box.appendChild(element('h4', 'Forward'));
        box.appendChild(element('pre', oneLine(node.forward), 'gd-forward'));
      }
      if (node.inputs.length) {
        box.appendChild(element('h4', 'Local partials'));
        const list = element('pre', node.inputs.map((input) => computed[i] ? partialText(i, input)
          : '∂' + node.label + '/∂' + nodes[input.node].label + ' = ' + input.formula).join('\n'), 'gd-partials');
        box.appendChild(list);
      }
      box.appendChild(element('h4', 'Chain rule (as --explain prints it)'));
      if (explained(i)) {
        box.appendChild(element('pre', node.backward.replace(/\n$/, ''), 'gd-explain'));
        if (node.meanings.length) box.appendChild(element('p', 'where ' + node.meanings.join('; ')));
      } else if (state && !state.complete) {
        box.appendChild(element('pre', 'received so far: ' + node.arrivals.slice(0, state.received)
          .map((a, k) => sumTerm(a, k) + ' from ' + nodes[a.from].label).join(' + ') + ' = ' + state.text +
          '\n(' + (node.arrivals.length - state.received) + ' more to come)', 'gd-explain-partial'));
      } else if (!node.onPaths) {
        box.appendChild(element('p', finished ? 'The backward pass does not visit it: the output does not depend on it' +
          ' (or, with --wrt, it is on no path from those inputs).' : 'The backward pass will not visit it.'));
      } else if (state) {
        box.appendChild(element('p', 'Its gradient is complete; the backward pass has yet to send it on to its inputs.'));
      } else {
        box.appendChild(element('p', 'The backward pass has not reached it yet.'));
      }
      if (node.notes.length && computed[i]) {
        box.appendChild(element('h4', 'Warnings'));
        for (const note of node.notes) box.appendChild(element('pre', note, 'gd-note'));
      }
    }

    // The program with the current step's node and the inspected (or hovered) node marked.
    function renderProgram() {
      const program = byId('gd-program');
      const text = data.source;
      const marks = [];
      const step = currentStep();
      if (step && step.node !== undefined && nodes[step.node].span) marks.push([nodes[step.node].span, 'gd-mark-step']);
      const other = hovered !== null ? hovered : selected;
      if (other !== null && nodes[other].span) marks.push([nodes[other].span, 'gd-mark-selected']);
      const cuts = new Set([0, text.length]);
      for (const [span] of marks) { cuts.add(span[0]); cuts.add(span[1]); }
      const points = Array.from(cuts).sort((a, b) => a - b);
      const pieces = [];
      for (let k = 0; k + 1 < points.length; k++) {
        const [start, end] = [points[k], points[k + 1]];
        const names = marks.filter(([span]) => span[0] <= start && end <= span[1]).map(([, name]) => name);
        const piece = text.slice(start, end);
        pieces.push(names.length ? element('mark', piece, names.join(' ')) : document.createTextNode(piece));
      }
      if (data.sourceIsCut) pieces.push(element('span', '\n… (the rest of the program is not shown)', 'gd-hint'));
      program.replaceChildren(...pieces);
      const mark = program.querySelector('mark.gd-mark-step') || program.querySelector('mark');
      if (mark) {
        const top = mark.offsetTop - program.offsetTop;
        if (top < program.scrollTop || top > program.scrollTop + program.clientHeight - 20) program.scrollTop = top - 20;
      }
    }

    // What an edge means: ∂node/∂input for an input's edges, the node's formula for the last one.
    function edgeTip(role) {
      const node = nodes[role.node];
      if (role.kind === 'result') return node.label + ' = ' + node.text;
      const input = node.inputs[role.slot];
      let text = computed[role.node] ? partialText(role.node, input)
        : '∂' + node.label + '/∂' + nodes[input.node].label + ' = ' + input.formula;
      if (role.kind === 'backward') {
        const send = (sendsOf[role.node] || []).find((s) => s.slot === role.slot);
        if (send && (sent[role.node] || finished)) text += '\nsends ' + nodes[send.to].arrivals[send.arrival].edge;
      }
      return text;
    }

    function indexEdgeRoles() {
      for (let i = 0; i < count; i++) {
        const result = resultEdge(i);
        if (result) edgeRoles.set(result, { kind: 'result', node: i });
        nodes[i].inputs.forEach(function (input, slot) {
          const forward = forwardEdge(i, slot);
          if (forward) edgeRoles.set(forward, { kind: 'forward', node: i, slot: slot });
          const back = backwardEdge(i, slot);
          if (back) edgeRoles.set(back, { kind: 'backward', node: i, slot: slot });
        });
      }
    }

    function showTip(event, text) {
      const tip = byId('gd-tip');
      tip.textContent = text;
      tip.hidden = false;
      const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
      const y = Math.min(event.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
      tip.style.left = Math.max(8, x) + 'px';
      tip.style.top = Math.max(8, y) + 'px';
    }

    function nodeOf(target) {
      const group = target.closest ? target.closest('g.node') : null;
      return group && groupNode.has(group) ? groupNode.get(group) : null;
    }

    function renderNotes() {
      const list = byId('gd-notes');
      for (const note of data.notes) list.appendChild(element('pre', note));
      byId('gd-notes-section').hidden = data.notes.length === 0;
      nodes.forEach(function (node, i) {
        const record = records[i];
        if (!node.notes.length || !record) return;
        const box = record.group.getBBox();
        const badge = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        badge.setAttribute('x', box.x + box.width - 2);
        badge.setAttribute('y', box.y - 3);
        badge.setAttribute('text-anchor', 'end');
        badge.setAttribute('class', 'gd-badge');
        badge.textContent = '⚠ warning';
        record.group.appendChild(badge);
      });
    }

    """#
}
