extension PageTemplate {
    /// The script's words for a step: the status line and the step's text, which for
    /// the backward pass is the node's lines of `--explain`, followed by where a node
    /// reached along several paths stands in its sum.
    static let narrating = #"""
    function statusText(step) {
      const where = 'step ' + position + ' of ' + steps.length;
      if (!step) return 'Start: nothing computed yet (' + where + ')';
      if (step.pass === 'forward') return 'Forward pass, ' + where + ': ' + nodes[step.node].label;
      if (step.pass === 'done') return 'Done, ' + where + ': every node has its gradient';
      return 'Backward pass, ' + where + ': ' + nodes[step.node].label;
    }

    // A term of a sum as --explain writes it: (-0.5) after the first.
    const sumTerm = (arrival, k) => k > 0 && arrival.product.startsWith('-') ? '(' + arrival.product + ')' : arrival.product;
    const oneLine = (text) => text.replace(/\n$/, '').replace(/^(\S+) +=/, '$1 =');

    function describe(step) {
      if (!step) {
        return 'Press → or Next to run the forward pass one node at a time, inputs first: ' +
          'each value appears as it is computed. Then the backward pass starts at the output ' +
          'and sends gradient · local partial back along every edge.';
      }
      const node = step.node === undefined ? null : nodes[step.node];
      if (step.pass === 'forward') {
        let text = 'forward: ' + oneLine(node.forward);
        if (node.op === 'var') text += '\n(an input: its value is given)';
        for (const note of node.notes) text += '\n\n' + note;
        return text;
      }
      const output = nodes[data.output].label;
      if (step.pass === 'seed') {
        return 'backward pass starts at the output ' + output + ': d' + output + '/d' + output + ' = 1\n' +
          'Each node will send d' + output + '/d(node) · ∂node/∂input to each of its inputs.';
      }
      if (step.pass === 'backward') {
        let text = node.backward;
        for (const send of step.sends) {
          const target = nodes[send.to];
          if (target.arrivals.length < 2) continue;
          const received = send.arrival + 1;
          text += '\n' + target.label + ' has received ' + received + ' of ' + target.arrivals.length +
            ' contributions: ' + target.arrivals.slice(0, received).map(sumTerm).join(' + ') +
            (received < target.arrivals.length ? ' (so far ' + target.arrivals[send.arrival].sum + ')'
                                               : ' = ' + target.arrivals[send.arrival].sum);
        }
        return text;
      }
      let text = 'Done: every node has its gradient.';
      const collected = nodes.filter((n, i) => n.backward !== null && !sendsOf[i]).map((n) => n.backward).join('');
      if (collected) text += '\nThe inputs and constants collected:\n' + collected;
      return text;
    }

    """#
}
