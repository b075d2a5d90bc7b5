// The map app's entry: in VS Code it shakes hands with the host and renders
// every report it is sent; in the standalone HTML report it renders the report
// embedded in the page.
import { reportSchema } from '../core/model/report';
import { hostToWebviewSchema, parseMessage } from '../protocol';
import { inVsCode, post } from './host';
import { renderReport } from './view';

function start(): void {
  const app = document.getElementById('app');
  const status = document.getElementById('status');
  if (!app || !status) return;
  const embedded = document.getElementById('report-data');
  if (embedded?.textContent) {
    const report = reportSchema.safeParse(JSON.parse(embedded.textContent));
    if (report.success) {
      status.textContent = `Analysed ${report.data.repository.analyzedAt}`;
      renderReport(app, report.data);
    } else {
      status.textContent = 'The embedded report is not a valid decision-orbit/v1 report.';
    }
  }
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parseMessage(hostToWebviewSchema, event.data);
    if (!message) return;
    if (message.type === 'report') {
      status.textContent = `${message.report.decisions.length} decisions · analysed ${message.report.repository.analyzedAt}`;
      renderReport(app, message.report);
    } else if (message.type === 'analysing') {
      status.textContent = `Analysing ${message.repositoryName}…`;
    } else {
      status.textContent = `The analysis failed: ${message.message}`;
    }
  });
  document.body.dataset.ready = 'true';
  if (inVsCode) post({ type: 'ready' });
}

start();
