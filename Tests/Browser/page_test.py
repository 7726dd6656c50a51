#!/usr/bin/python3
"""Opens graddiff's HTML pages (--render page.html) in headless Chromium and checks them.

Run by Tests/GraddiffCLITests/PageBrowserTests.swift, which makes the pages with the
built binary and writes a manifest (see `main`); Debian's python3-selenium drives
Debian's chromium through chromium-driver, so it runs under /usr/bin/python3 and needs
no network. It checks, for each seed example: every value and gradient after stepping
to the end against `graddiff --format json`; at every step, which values and gradients
may be shown, from the graph alone (no gradient before the backward pass reaches its
node; `+ …` while contributions are still to come); that stepping back restores each
earlier state exactly; that clicking a node shows its lines of `--explain` verbatim;
the keys; the phone and 1280x800 layouts; both themes' contrast; kink and nan warnings
on their nodes; the edges' tooltips; that no page makes a network request (Chrome's
own log of requests) or logs a console error. It prints the time to first paint and
per step of a 200-node page. Exit status 1 lists every failed check.
"""
import argparse
import json
import math
import os
import re
import statistics
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get('GRADDIFF_CHROMIUM', '/usr/bin/chromium')
CHROMEDRIVER = os.environ.get('GRADDIFF_CHROMEDRIVER', '/usr/bin/chromedriver')

failures = []
figures = []
opened = set()


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                     '--window-size=1280,800', '--no-first-run', '--disable-extensions',
                     '--disable-background-networking', '--hide-scrollbars']:
        options.add_argument(argument)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL', 'performance': 'ALL'})
    options.add_experimental_option('perfLoggingPrefs', {'enableNetwork': True, 'enablePage': False})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def open_page(driver, path):
    url = 'file://' + os.path.abspath(path)
    opened.add(url)
    driver.get(url)
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready === 'true'"))


def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def position(driver):
    status = driver.find_element(By.ID, 'gd-status').text
    match = re.search(r'step (\d+) of (\d+)', status)
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def snapshot(driver):
    """Every value box's texts, the status line and the step's text: the page's state."""
    return driver.execute_script("""
        const boxes = Array.from(document.querySelectorAll('#gd-graph g.node[tabindex]')).map(function (g) {
          const t = g.querySelectorAll('text');
          return [t[0].textContent, t[1].textContent, t.length > 2 ? t[2].textContent : null];
        });
        const mark = document.querySelector('#gd-program mark.gd-mark-step');
        return {boxes: boxes, status: document.getElementById('gd-status').textContent,
                step: document.getElementById('gd-step').textContent, mark: mark ? mark.textContent : null};
    """)


def labels_of(nodes):
    return [n['name'] if n['name'] is not None else n['text'] if n['op'] == 'const' else 'n%d' % n['id']
            for n in nodes]


def number(text):
    return float(text)


def close(actual, expected, relative=1e-8):
    """Whether two numbers agree; JSON writes nan and ±inf as strings."""
    expected = float(expected) if isinstance(expected, str) else expected
    if math.isnan(expected) or math.isinf(expected):
        return actual == expected or (math.isnan(actual) and math.isnan(expected))
    return abs(actual - expected) <= relative * max(1.0, abs(expected))


def explain_blocks(explain):
    """Each node's lines of `--explain`'s backward narration, by label."""
    lines = explain.split('\n')
    start = next(i for i, line in enumerate(lines) if line.startswith('backward pass:'))
    blocks, current, leaves = {}, None, False
    for line in lines[start + 1:]:
        if line.startswith('where ') or line == '':
            break
        if line.startswith('inputs:'):
            leaves = True
            continue
        leaf = re.match(r'^  (\S+) +d', line) if leaves else None
        if not leaves and not line.startswith(' '):
            current = line.split(' = ')[0]
            blocks[current] = [line]
        elif leaf:
            current = leaf.group(1)
            blocks[current] = [line]
        else:
            blocks[current].append(line)
    return {label: '\n'.join(block) for label, block in blocks.items()}


def click_node(driver, label):
    """Clicks a node's value box as a person would, after fitting the whole graph in sight."""
    driver.find_element(By.ID, 'gd-zoom-fit').click()
    text = driver.find_element(By.XPATH, "//*[@id='gd-graph']//*[local-name()='g'][@tabindex]"
                               "/*[local-name()='text'][1][text()='%s']" % label)
    ActionChains(driver).move_to_element(text).click().perform()


def check_seed(driver, case):
    """Steps a seed example's page to the end and back, checking every state."""
    name = case['name']
    nodes = case['json']['nodes']
    labels = labels_of(nodes)
    output = len(nodes) - 1
    reaches = [False] * len(nodes)
    reaches[output] = True
    for n in reversed(nodes):
        if reaches[n['id']]:
            for i in n['inputs']:
                reaches[i] = True
    expected_arrivals = [0] * len(nodes)
    for n in nodes:
        if reaches[n['id']]:
            for i in n['inputs']:
                expected_arrivals[i] += 1
    forward_order = [n['id'] for n in nodes if n['op'] != 'const']
    backward_count = sum(1 for n in nodes if reaches[n['id']] and n['inputs'])
    total = len(forward_order) + 1 + backward_count + 1

    open_page(driver, case['page'])
    check(position(driver) == (0, total), '%s: the page starts at step 0 of %d, not %s' % (name, total, position(driver)))
    states = [snapshot(driver)]
    sent = []
    for k in range(1, total + 1):
        press(driver, Keys.ARROW_RIGHT)
        state = snapshot(driver)
        states.append(state)
        check(position(driver) == (k, total), '%s: → gave %s, not step %d' % (name, position(driver), k))
        boxes = {box[0]: box for box in state['boxes']}
        computed = set(forward_order[:k]) if k <= len(forward_order) else set(range(len(nodes)))
        seeded = k > len(forward_order)
        if k > len(forward_order) + 1 and k < total:
            sent.append(state['status'].rsplit(': ', 1)[1])
        received = [0] * len(nodes)
        for n in nodes:
            if labels[n['id']] in sent:
                for i in n['inputs']:
                    received[i] += 1
        for n in nodes:
            box = boxes.get(labels[n['id']])
            if box is None:
                continue
            i = n['id']
            value_shown = box[1] != 'value ?'
            check(value_shown == (i in computed or n['op'] == 'const'),
                  '%s step %d: %s shows %r' % (name, k, labels[i], box[1]))
            grad = box[2]
            if n['op'] == 'const':
                # A constant has no gradient: its box has no line for one, at any step.
                check(grad is None, '%s step %d: the constant %s shows %r' % (name, k, labels[i], grad))
                continue
            if k == total:
                continue
            if not seeded or (i != output and received[i] == 0):
                check(grad == 'grad ?', '%s step %d: %s shows %r before the backward pass reaches it' % (name, k, labels[i], grad))
            elif i != output and received[i] < expected_arrivals[i]:
                check(grad.endswith(' + …'), '%s step %d: %s has %d of %d contributions but shows %r'
                      % (name, k, labels[i], received[i], expected_arrivals[i], grad))
            else:
                check(grad != 'grad ?' and not grad.endswith('…'), '%s step %d: %s is complete but shows %r' % (name, k, labels[i], grad))
        if k <= len(forward_order) and nodes[forward_order[k - 1]]['op'] == 'var':
            variable = labels[forward_order[k - 1]]
            check(state['mark'] == variable, '%s step %d: the program marks %r, not the input %r' % (name, k, state['mark'], variable))

    final = {box[0]: box for box in states[-1]['boxes']}
    for n in nodes:
        box = final.get(labels[n['id']])
        if check(box is not None, '%s: no box for %s' % (name, labels[n['id']])):
            value = number(box[1][len('value '):])
            check(close(value, n['value']), '%s: %s shows %s, the value is %s' % (name, labels[n['id']], box[1], n['value']))
            if n['op'] == 'const':
                continue
            grad = number(box[2][len('grad '):])
            check(close(grad, n['grad']), '%s: %s shows %s, the gradient is %s' % (name, labels[n['id']], box[2], n['grad']))
    for label, (value, grad) in case['expect'].items():
        box = final.get(label)
        if check(box is not None, '%s: no box for %s' % (name, label)):
            check(close(number(box[1][6:]), value, 1e-9), '%s: %s shows %s, expected value %s' % (name, label, box[1], value))
            check(close(number(box[2][5:]), grad, 1e-9), '%s: %s shows %s, expected gradient %s' % (name, label, box[2], grad))

    for k in range(total - 1, -1, -1):
        press(driver, Keys.ARROW_LEFT)
        check(snapshot(driver) == states[k], '%s: ← to step %d does not restore the state the page had there' % (name, k))
    press(driver, Keys.END)
    check(snapshot(driver) == states[-1], '%s: End does not give the state of the last step' % name)
    press(driver, Keys.HOME)
    check(snapshot(driver) == states[0], '%s: Home does not give the state of step 0' % name)
    press(driver, Keys.END)

    blocks = explain_blocks(case['explain'])
    for label in case['inspect']:
        click_node(driver, label)
        shown = driver.execute_script(
            "const p = document.querySelector('#gd-inspector pre.gd-explain'); return p ? p.textContent : null")
        check(shown == blocks.get(label), '%s: clicking %s shows\n%s\ninstead of its --explain lines\n%s'
              % (name, label, shown, blocks.get(label)))
    return len(states)


def check_keys(driver, case):
    open_page(driver, case['page'])
    total = position(driver)[1]
    press(driver, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    check(position(driver)[0] == 3, 'keys: → → → gave step %s' % position(driver)[0])
    press(driver, Keys.ARROW_LEFT)
    check(position(driver)[0] == 2, 'keys: ← gave step %s' % position(driver)[0])
    press(driver, Keys.END)
    check(position(driver)[0] == total, 'keys: End gave step %s' % position(driver)[0])
    press(driver, Keys.HOME)
    check(position(driver)[0] == 0, 'keys: Home gave step %s' % position(driver)[0])
    play = driver.find_element(By.ID, 'gd-play')
    press(driver, Keys.SPACE)
    check(play.get_attribute('aria-pressed') == 'true', 'keys: space does not start playing')
    time.sleep(1.6)
    press(driver, Keys.SPACE)
    check(play.get_attribute('aria-pressed') == 'false', 'keys: space does not pause')
    played = position(driver)[0]
    check(played >= 2, 'keys: 1.6 s of playing took only %s steps' % played)
    time.sleep(0.9)
    check(position(driver)[0] == played, 'keys: the page went on stepping while paused')
    focused = None
    for _ in range(20):
        press(driver, Keys.TAB)
        focused = driver.execute_script(
            "const e = document.activeElement; return e && e.matches('g.node') ? e.getAttribute('aria-label') : null")
        if focused:
            break
    if check(focused is not None, 'keys: Tab never reaches a node of the graph'):
        heading = driver.find_element(By.CSS_SELECTOR, '#gd-inspector h3').text
        check(heading == focused, 'keys: tabbing to %r inspects %r' % (focused, heading))


def check_tooltip(driver, case):
    open_page(driver, case['page'])
    press(driver, Keys.END)
    driver.find_element(By.ID, 'gd-zoom-fit').click()
    label = driver.find_element(By.XPATH, "//*[@id='gd-graph']//*[local-name()='g'][contains(@class,'edge')]"
                                "/*[local-name()='text'][text()='%s']" % case['edge'])
    ActionChains(driver).move_to_element(label).perform()
    tip = driver.find_element(By.ID, 'gd-tip')
    check(tip.is_displayed() and case['tip'] in tip.text,
          'tooltip: hovering the edge %r shows %r, not its local partial %r' % (case['edge'], tip.text, case['tip']))


def check_notes(driver, case):
    open_page(driver, case['page'])
    badge = driver.execute_script(
        "return Array.from(document.querySelectorAll('#gd-graph g.node')).filter(g => g.querySelector('text.gd-badge'))"
        ".map(g => g.querySelector('text').textContent)")
    check(badge == [case['label']], '%s: the warning sign is on %s, not on %s' % (case['name'], badge, case['label']))
    press(driver, Keys.END)
    click_node(driver, case['label'])
    notes = driver.execute_script(
        "return Array.from(document.querySelectorAll('#gd-inspector pre.gd-note')).map(p => p.textContent)")
    check(len(notes) == 1 and case['contains'] in notes[0] and notes[0] in case['stderr'],
          '%s: the node shows %r, not the terminal\'s warning\n%s' % (case['name'], notes, case['stderr']))


def contrast(first, second):
    def luminance(color):
        channels = [int(c) / 255 for c in re.findall(r'[\d.]+', color)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted([luminance(first), luminance(second)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def check_theme(driver, case, dark, work):
    theme = 'dark' if dark else 'light'
    driver.execute_cdp_cmd('Emulation.setEmulatedMedia',
                           {'features': [{'name': 'prefers-color-scheme', 'value': theme}]})
    open_page(driver, case['page'])
    press(driver, Keys.END)
    colors = driver.execute_script("""
        const style = (e) => getComputedStyle(e);
        const boxes = Array.from(document.querySelectorAll('#gd-graph g.node[tabindex]')).map(function (g) {
          return [g.querySelector('text').textContent, style(g.querySelectorAll('text')[2]).fill, style(g.querySelector('polygon')).fill];
        });
        return {background: style(document.body).backgroundColor, text: style(document.body).color,
                legend: style(document.querySelector('.gd-legend')).color, boxes: boxes};
    """)
    background = colors['background']
    dark_background = contrast(background, 'rgb(0, 0, 0)') < 3
    check(dark_background == dark, '%s theme: the background is %s' % (theme, background))
    check(contrast(colors['text'], background) >= 7, '%s theme: text %s on %s' % (theme, colors['text'], background))
    check(contrast(colors['legend'], background) >= 4.5, '%s theme: legend %s on %s' % (theme, colors['legend'], background))
    for label, text, fill in colors['boxes']:
        fill = background if fill in ('none', 'transparent') or fill.endswith(', 0)') else fill
        check(contrast(text, fill) >= 4.5, '%s theme: %s\'s gradient %s on %s' % (theme, label, text, fill))
    driver.save_screenshot(os.path.join(work, 'theme-%s.png' % theme))
    driver.execute_cdp_cmd('Emulation.setEmulatedMedia', {'features': []})


def check_viewport(driver, case, width, height, mobile, work):
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride',
                           {'width': width, 'height': height, 'deviceScaleFactor': 2 if mobile else 1, 'mobile': mobile})
    open_page(driver, case['page'])
    layout = driver.execute_script("""
        const rect = (e) => e.getBoundingClientRect();
        const graph = rect(document.getElementById('gd-graph'));
        const boxes = Array.from(document.querySelectorAll('#gd-graph g.node[tabindex]')).map(rect);
        return {innerWidth: innerWidth, scrollWidth: document.documentElement.scrollWidth,
                buttons: Array.from(document.querySelectorAll('.gd-controls button')).map(b => [rect(b).left, rect(b).right, rect(b).height]),
                graph: [graph.width, graph.height], boxesInView: boxes.filter(b => b.right > graph.left && b.left < graph.right
                  && b.bottom > graph.top && b.top < graph.bottom).length,
                font: parseFloat(getComputedStyle(document.getElementById('gd-step')).fontSize)};
    """)
    where = '%dx%d' % (width, height)
    check(layout['innerWidth'] == width, '%s: the viewport is %s wide' % (where, layout['innerWidth']))
    check(layout['scrollWidth'] <= layout['innerWidth'], '%s: the page is %s wide, wider than the screen' % (where, layout['scrollWidth']))
    for left, right, tall in layout['buttons']:
        check(left >= 0 and right <= width and tall >= 24, '%s: a button lies at %s..%s, %s high' % (where, left, right, tall))
    check(layout['graph'][0] >= width * (0.9 if mobile else 0.5) and layout['graph'][1] >= height * 0.4,
          '%s: the graph has only %s' % (where, layout['graph']))
    check(layout['boxesInView'] >= 1, '%s: no node of the graph is in sight' % where)
    check(layout['font'] >= 12, '%s: the step text is %spx' % (where, layout['font']))
    driver.find_element(By.ID, 'gd-next').click()
    check(position(driver)[0] == 1, '%s: the Next button gave step %s' % (where, position(driver)[0]))
    driver.save_screenshot(os.path.join(work, 'viewport-%s.png' % where))
    driver.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})


def check_large(driver, case):
    started = time.monotonic()
    open_page(driver, case['page'])
    seconds = time.monotonic() - started
    banner = driver.find_element(By.ID, 'gd-banner')
    check(banner.is_displayed() and str(case['nodeCount']) in banner.text,
          'large page: no banner saying it has %s nodes and does not step' % case['nodeCount'])
    check(not driver.find_element(By.ID, 'gd-next').is_enabled(), 'large page: Next is enabled')
    figures.append('large page (%d nodes, no stepping, %d KB): ready in %.0f ms'
                   % (case['nodeCount'], os.path.getsize(case['page']) // 1024, seconds * 1000))


def measure(driver, case):
    open_page(driver, case['page'])
    # Paint entries are queued after the frame is presented, which on a loaded machine can
    # come after the page says it is ready: wait for them (up to 10 s) before reading.
    deadline = time.time() + 10
    while True:
        paint = driver.execute_script("""
            const paints = Object.fromEntries(performance.getEntriesByType('paint').map(e => [e.name, e.startTime]));
            const ready = performance.getEntriesByName('graddiff-ready')[0];
            return [paints['first-paint'], paints['first-contentful-paint'], ready ? ready.startTime : null];
        """)
        if paint[1] is not None or time.time() > deadline:
            break
        time.sleep(0.05)
    steps = driver.execute_script("""
        const times = [];
        const key = (k) => document.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true}));
        const total = document.getElementById('gd-status').textContent.match(/of (\\d+)/)[1];
        for (const k of ['ArrowRight', 'ArrowLeft']) {
          for (let i = 0; i < total; i++) {
            const start = performance.now();
            key(k);
            document.body.getBoundingClientRect();
            void document.body.offsetHeight;
            times.push(performance.now() - start);
          }
        }
        return times;
    """)
    paced = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const total = Number(document.getElementById('gd-status').textContent.match(/of (\\d+)/)[1]);
        let k = 0;
        const start = performance.now();
        function frame() {
          if (k === total) return done((performance.now() - start) / total);
          document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
          k++;
          requestAnimationFrame(frame);
        }
        requestAnimationFrame(frame);
    """)
    steps.sort()
    figures.append('200-node page (%d nodes, %d KB): first paint %.0f ms, first contentful paint %.0f ms, script ready %.0f ms'
                   % (case['nodeCount'], os.path.getsize(case['page']) // 1024, paint[0] or -1, paint[1] or -1, paint[2] or -1))
    figures.append('  per step (script, style and layout; %d steps each way): median %.2f ms, mean %.2f ms, 95th %.2f ms, max %.2f ms'
                   % (len(steps) // 2, statistics.median(steps), statistics.mean(steps),
                      steps[int(len(steps) * 0.95)], steps[-1]))
    figures.append('  one step per animation frame: %.1f ms a step (a frame is 16.7 ms)' % paced)
    check(paint[1] is not None, '200-node page: no first contentful paint')


def check_logs(driver, context):
    for entry in driver.get_log('browser'):
        check(entry['level'] != 'SEVERE', '%s: console error: %s' % (context, entry['message']))
    for entry in driver.get_log('performance'):
        message = json.loads(entry['message'])['message']
        method = message['method']
        if method in ('Network.webSocketCreated', 'Network.webTransportCreated', 'Network.eventSourceMessageReceived'):
            failures.append('%s: the page opened %s' % (context, method))
        if method == 'Network.requestWillBeSent':
            url = message['params']['request']['url']
            check(url in opened, '%s: the page requested %s' % (context, url[:200]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('manifest', help='JSON: {"work", "seeds", "keys", "tooltip", "notes", "large", "timing"}')
    manifest = json.load(open(parser.parse_args().manifest))
    work = manifest['work']
    driver = start_browser()

    def run(context, check_function, *arguments):
        """Runs one check; an exception fails it and the others still run."""
        try:
            result = check_function(driver, *arguments)
        except Exception as error:
            failures.append('%s: %s: %s' % (context, type(error).__name__, str(error).split('\n')[0]))
            result = None
        check_logs(driver, context)
        return result

    try:
        for case in manifest['seeds']:
            count = run(case['name'], check_seed, case)
            figures.append('%s: %s states checked, forward, back and by Home and End' % (case['name'], count))
        run('keys', check_keys, manifest['keys'])
        run('tooltip', check_tooltip, manifest['tooltip'])
        for case in manifest['notes']:
            run(case['name'], check_notes, case)
        for dark in (False, True):
            run('dark theme' if dark else 'light theme', check_theme, manifest['keys'], dark, work)
        run('phone', check_viewport, manifest['keys'], 390, 844, True, work)
        run('1280x800', check_viewport, manifest['keys'], 1280, 800, False, work)
        run('large page', check_large, manifest['large'])
        run('200-node page', measure, manifest['timing'])
    finally:
        driver.quit()
    for line in figures:
        print(line)
    for failure in failures:
        print('FAILED: ' + failure)
    print('%d pages opened, %d failed checks' % (len(opened), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
