// Follows unfinished uploads without reloading: their states come from /uploads/states every two seconds; when all are
// finished the page reloads once so the stored department-years list shows the new ones.
const names = { queued: '排队中', reading: '读取中', auditing: '审核中', done: '完成', failed: '失败' };
const rows = () => [...document.querySelectorAll('#uploads tr[data-upload]')];
const unfinished = () => rows().some(r => !['done', 'failed'].includes(r.dataset.state));

async function poll() {
  if (!unfinished()) {
    return;
  }

  const response = await fetch('/uploads/states', { credentials: 'same-origin' });
  if (!response.ok) {
    return;
  }

  const states = await response.json();
  let finishedNow = false;
  for (const row of rows()) {
    const state = states.find(s => String(s.id) === row.dataset.upload);
    if (!state || state.state === row.dataset.state) {
      continue;
    }

    finishedNow ||= state.finished;
    row.dataset.state = state.state;
    const cell = row.querySelector('.state');
    cell.textContent = names[state.state] ?? state.state;
    cell.className = `state state-${state.state}`;
    row.children[2].textContent = state.message ?? '';
  }

  if (finishedNow && !unfinished()) {
    location.reload();
    return;
  }

  setTimeout(poll, 2000);
}

setTimeout(poll, 1000);
