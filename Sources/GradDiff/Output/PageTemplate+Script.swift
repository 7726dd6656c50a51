extension PageTemplate {
    /// The script's first part: the data, the picture's elements by node, and stepping.
    /// The state is a few arrays (value computed, contributions arrived, gradient sent);
    /// a step changes it for a few nodes and `undo` changes exactly those back, so a step
    /// either way costs the nodes it touches, however large the graph. Only the nodes a
    /// step touched are redrawn. No gradient is drawn before the backward pass reaches
    /// its node: `grad ?` until then.
    static let stepping = #"""
    const data = JSON.parse(document.getElementById('gd-data').textContent);
    const nodes = data.nodes;
    const steps = data.steps;
    const count = nodes.length;
    const byId = (id) => document.getElementById(id);
    const svg = document.querySelector('#gd-graph svg');

    // Graphviz names each node and edge group by a <title>: n3, n3op, n0->n3op, n3->n0.
    const records = [];
    const operations = [];
    const edges = new Map();
    const edgeRoles = new Map();
    const groupNode = new Map();
    function indexPicture() {
      if (!svg) return;
      for (const group of svg.querySelectorAll('g.node, g.edge')) {
        const title = group.querySelector(':scope > title');
        if (!title) continue;
        const name = title.textContent;
        title.remove();
        if (group.classList.contains('edge')) {
          if (!edges.has(name)) edges.set(name, []);
          edges.get(name).push(group);
          const path = group.querySelector('path');
          if (path) {
            const hit = path.cloneNode(false);
            hit.setAttribute('class', 'gd-hit');
            group.appendChild(hit);
          }
          continue;
        }
        const match = /^n(\d+)(op)?$/.exec(name);
        if (!match || Number(match[1]) >= count) continue;
        const i = Number(match[1]);
        if (match[2]) {
          operations[i] = group;
          groupNode.set(group, i);
          continue;
        }
        const texts = group.querySelectorAll('text');
        if (texts.length < 2) continue;
        // A constant's box has no gradient line: it has no gradient.
        const graded = texts.length >= 3;
        records[i] = { group: group, value: texts[graded ? texts.length - 2 : texts.length - 1],
                       grad: graded ? texts[texts.length - 1] : null };
        groupNode.set(group, i);
      }
    }

    // The k-th edge of a name is the k-th input naming that node (x * x draws two).
    function occurrence(i, slot) {
      const inputs = nodes[i].inputs;
      let k = 0;
      for (let s = 0; s < slot; s++) if (inputs[s].node === inputs[slot].node) k++;
      return k;
    }
    function edgeNamed(name, k) {
      const list = edges.get(name);
      return list ? list[k] : undefined;
    }
    const forwardEdge = (i, slot) => edgeNamed('n' + nodes[i].inputs[slot].node + '->n' + i + 'op', occurrence(i, slot));
    const resultEdge = (i) => edgeNamed('n' + i + 'op->n' + i, 0);
    const backwardEdge = (i, slot) => edgeNamed('n' + i + '->n' + nodes[i].inputs[slot].node, occurrence(i, slot));

    const computed = new Uint8Array(count);
    const arrived = new Int32Array(count);
    const sent = new Uint8Array(count);
    const sendsOf = [];
    let seeded = false;
    let finished = false;
    let position = 0;
    const dirty = new Set();

    function apply(step, direction) {
      const forward = direction > 0;
      switch (step.pass) {
        case 'forward':
          computed[step.node] = forward ? 1 : 0;
          dirty.add(step.node);
          break;
        case 'seed':
          seeded = forward;
          dirty.add(step.node);
          break;
        case 'backward':
          sent[step.node] = forward ? 1 : 0;
          dirty.add(step.node);
          for (const send of step.sends) {
            arrived[send.to] += direction;
            dirty.add(send.to);
          }
          break;
        case 'done':
          finished = forward;
          for (let i = 0; i < count; i++) dirty.add(i);
          break;
      }
    }

    function goTo(target) {
      target = Math.max(0, Math.min(steps.length, target));
      while (position < target) apply(steps[position++], +1);
      while (position > target) apply(steps[--position], -1);
      for (const i of dirty) renderNode(i);
      dirty.clear();
      showStep();
    }

    // The gradient as far as the backward pass has got: null before it reaches the node.
    function gradientState(i) {
      const node = nodes[i];
      if (finished || (i === data.output && seeded)) return { text: node.gradientText, complete: true };
      const k = arrived[i];
      if (k === 0) return null;
      return { text: node.arrivals[k - 1].sum, complete: k === node.arrivals.length, received: k };
    }

    // Whether the node's lines of --explain may be shown: once it has sent (or, for an
    // input or constant, once every contribution has arrived).
    function explained(i) {
      if (nodes[i].backward === null) return false;
      if (finished) return true;
      if (sendsOf[i]) return sent[i] === 1;
      const state = gradientState(i);
      return state !== null && state.complete;
    }

    function gradientLabel(i) {
      const state = gradientState(i);
      if (!state) return 'grad ?';
      return 'grad ' + state.text + (state.complete ? '' : ' + …');
    }

    function renderNode(i) {
      const node = nodes[i];
      const record = records[i];
      if (record) {
        record.value.textContent = computed[i] ? 'value ' + node.valueText : 'value ?';
        record.value.classList.toggle('gd-unknown', !computed[i]);
        const state = gradientState(i);
        if (record.grad) {
          record.grad.textContent = gradientLabel(i);
          record.grad.classList.toggle('gd-unknown', !state);
          record.grad.classList.toggle('gd-partial', !!state && !state.complete);
        }
      }
      const pending = !computed[i];
      if (operations[i]) operations[i].classList.toggle('gd-pending-op', pending);
      const result = resultEdge(i);
      if (result) result.classList.toggle('gd-pending', pending);
      const sends = sendsOf[i] || [];
      node.inputs.forEach(function (input, slot) {
        const edge = forwardEdge(i, slot);
        if (edge) edge.classList.toggle('gd-pending', pending);
        const back = backwardEdge(i, slot);
        if (!back) return;
        const send = sends.find((s) => s.slot === slot);
        const shown = !!send && (sent[i] === 1 || finished);
        back.classList.toggle('gd-hidden', !shown);
        const label = back.querySelector('text');
        if (label && send) label.textContent = nodes[send.to].arrivals[send.arrival].edge;
      });
    }

    // The current step: its node and edges highlighted, its text, its place in the program.
    let highlighted = [];
    function highlight(element, name) {
      if (!element) return;
      element.classList.add(name);
      highlighted.push([element, name]);
    }
    function currentStep() {
      return position > 0 ? steps[position - 1] : null;
    }
    function showStep() {
      for (const [element, name] of highlighted) element.classList.remove(name);
      highlighted = [];
      const step = currentStep();
      if (step && step.node !== undefined) {
        const i = step.node;
        highlight(records[i] && records[i].group, 'gd-active');
        if (step.pass === 'forward') {
          highlight(operations[i], 'gd-active');
          highlight(resultEdge(i), 'gd-active-forward');
          nodes[i].inputs.forEach((input, slot) => highlight(forwardEdge(i, slot), 'gd-active-forward'));
        } else if (step.pass === 'backward') {
          for (const send of step.sends) highlight(backwardEdge(i, send.slot), 'gd-active-backward');
        }
        if (records[i]) keepInView(records[i].group);
      }
      byId('gd-status').textContent = statusText(step);
      byId('gd-step').textContent = describe(step);
      byId('gd-first').disabled = byId('gd-back').disabled = position === 0;
      byId('gd-next').disabled = byId('gd-last').disabled = position === steps.length;
      renderProgram();
      renderInspector();
    }

    """#
}
