// Supervisor view, listening in, in headless Chromium: choose the operator on a call, listen, then stop.
// Usage: node spy.mjs <base-url> <supervisor> <password> <out-dir>
// Prints one JSON line with what it saw.
import { join } from 'node:path';
import { args, finish, launch, messageAfter, openSignedIn } from './page-support.mjs';

const run = args('spy.mjs');
const browser = await launch();
const problems = [];
const result = {};
try {
  const sup = await openSignedIn(browser, run, '/console/supervisor.html', problems);
  // the operator's call shows once the live view has it: refresh until it does
  for (let i = 0; i < 15; i++) {
    await sup.click('#spy-refresh');
    try {
      await sup.waitForFunction(() => [...document.querySelectorAll('#spy-agent option')].some((o) => o.value),
        null, { timeout: 1000 });
      break;
    } catch (e) {
      // not yet
    }
  }
  result.operators = await sup.$$eval('#spy-agent option', (o) => o.map((x) => x.textContent));
  result.listening = await messageAfter(sup, '#spy button[data-spy="listen"]', '#spy-message', 'connected');
  await sup.screenshot({ path: join(run.outDir, 'supervisor-listening.png'), fullPage: true });
  result.stopped = await messageAfter(sup, '#spy-stop', '#spy-message', 'Stopped');
} catch (e) {
  problems.push(`failed: ${e.message}`);
}
await finish(browser, result, problems);
