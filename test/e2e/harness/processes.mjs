// Every process the tests start is ended by its process group, even when a
// test fails or the run is interrupted.
const groups = new Set();

export function trackGroup(pid) {
  groups.add(pid);
  return () => killGroup(pid);
}

export function killGroup(pid) {
  if (!groups.delete(pid)) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function killAll() {
  for (const pid of [...groups]) killGroup(pid);
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}
