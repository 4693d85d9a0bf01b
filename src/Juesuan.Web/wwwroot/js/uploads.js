// Follows unfinished uploads without reloading: their states come from /uploads/states every two seconds; when all are
// settled (finished, or waiting for a reviewer's confirmation) the page is fetched again once so the stored department-years list shows the new ones.
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
    // A GET of the page, never a reload: after an upload the page is the answer to a POST, which a reload would repeat.
    location.replace(location.pathname);
    return;
  }

  setTimeout(poll, 2000);
}

setTimeout(poll, 1000);

// Drag and drop (issue 18): files dropped on the zone are uploaded as if chosen, many at once or a zip.
const zone = document.getElementById('drop-zone');
if (zone) {
  const input = zone.querySelector('input[type=file]');
  for (const name of ['dragenter', 'dragover']) {
    zone.addEventListener(name, e => { e.preventDefault(); zone.classList.add('over'); });
  }
  for (const name of ['dragleave', 'drop']) {
    zone.addEventListener(name, () => zone.classList.remove('over'));
  }
  zone.addEventListener('drop', e => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      input.files = e.dataTransfer.files;
      document.getElementById('upload-form').submit();
    }
  });
}
