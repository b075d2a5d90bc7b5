// The map app's entry. In VS Code it shakes hands with the host (`ready`), then
// renders every report it is sent, keeping the reader's state with getState/
// setState. In the standalone HTML report it renders the report embedded in the
// page and keeps the state in the address's fragment.
import '../zod-jitless';
import { hostToWebviewSchema, parseMessage } from '../protocol/messages';
import { App, type StateStore } from './app';
import { decodeReport, INVALID_EMBEDDED_REPORT, readEmbeddedReport } from '../protocol/decode-report';
import { inVsCode, loadState, post, saveState } from './host';
import { readState } from './state';

const vsCodeStore: StateStore = {
  load: () => readState(loadState()),
  save: (state) => saveState(state),
};

const fragmentStore: StateStore = {
  load: () => {
    try {
      return readState(JSON.parse(decodeURIComponent(location.hash.slice(1)) || 'null'));
    } catch {
      return readState(null);
    }
  },
  save: (state) => history.replaceState(null, '', `#${encodeURIComponent(JSON.stringify(state))}`),
};

function start(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const app = new App(root, inVsCode ? vsCodeStore : fragmentStore);
  const embedded = document.getElementById('report-data');
  if (embedded?.textContent) {
    const report = readEmbeddedReport(embedded.textContent);
    if (report) app.setReport(report);
    else app.setStatus(INVALID_EMBEDDED_REPORT);
  }
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseMessage(hostToWebviewSchema, event.data);
    if (!message) return;
    if (message.type === 'report') {
      const report = decodeReport(message.report);
      if (report) app.setReport(report);
      else app.setStatus('The report from the extension is not a valid decision-orbit/v2 report.');
    } else if (message.type === 'reveal') app.reveal(message.id);
    else if (message.type === 'analysing') app.setStatus(`Analysing ${message.repositoryName}…`);
    else app.setStatus(`The analysis failed: ${message.message}`);
  });
  requestAnimationFrame(() => {
    // An embedded report has its paint asked for already, maybe run already in this frame: one paint either way.
    if (app.orbitView.paints === 0) app.orbitView.paint();
    document.body.dataset.firstFrameMs = String(Math.round(performance.now()));
    document.body.dataset.ready = 'true';
  });
  if (inVsCode) post({ type: 'ready' });
  // The frame-time bench drives pan and zoom through the live view.
  Object.defineProperty(window, 'decisionOrbitMap', { value: app.orbitView });
}

start();
