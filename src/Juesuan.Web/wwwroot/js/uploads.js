// Follows unfinished uploads without reloading: their states come from /uploads/states every two seconds; when all are
// finished the page reloads once so the stored department-years list shows the new ones.
const rows = () => [...document.querySelectorAll('#uploads tr[data-upload]')];
const unfinished = () => rows().some(r => r.dataset.finished !== 'true');

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
    row.dataset.finished = String(state.finished);
    const cell = row.querySelector('.state');
    cell.textContent = state.stateName;
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
