// Draws a page of the original with pdf.js (served from /lib/pdfjs, installed from npm) and boxes each figure of the
// finding on it. Boxes come in PDF user space (origin bottom left) with the page's size; the page is drawn at the
// viewport's scale, so a box maps by that scale with its y flipped. The reviewer can turn pages; the finding's boxes
// are drawn on whichever page they are on.
import { centre } from './compare.js';

const viewer = document.getElementById('viewer');
const status = document.getElementById('viewer-status');
const findingPage = Number(viewer.dataset.page);
const boxes = JSON.parse(viewer.dataset.boxes || '[]');
let pdf;
let drawing = Promise.resolve();

async function draw(pageNumber) {
  const page = await pdf.getPage(pageNumber);
  const width = viewer.parentElement.clientWidth || 900;
  const scale = Math.min(2, width / page.view[2]);
  const viewport = page.getViewport({ scale });
  const canvas = document.getElementById('page');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  viewer.style.width = `${canvas.width}px`;
  await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;

  viewer.querySelectorAll('.box').forEach(b => b.remove());
  const here = boxes.filter(b => b.Page === pageNumber);
  for (const box of here) {
    const [x1, y1] = viewport.convertToViewportPoint(box.Left, box.Top);
    const [x2, y2] = viewport.convertToViewportPoint(box.Right, box.Bottom);
    const mark = document.createElement('div');
    mark.className = 'box';
    mark.title = box.Value;
    mark.dataset.value = box.Value;
    mark.style.left = `${Math.min(x1, x2) - 2}px`;
    mark.style.top = `${Math.min(y1, y2) - 2}px`;
    mark.style.width = `${Math.abs(x2 - x1) + 4}px`;
    mark.style.height = `${Math.abs(y2 - y1) + 4}px`;
    viewer.appendChild(mark);
  }

  viewer.dataset.rendered = String(pageNumber);
  status.textContent = here.length > 0
    ? `第 ${pageNumber} 页，共 ${pdf.numPages} 页；框出的是本条发现涉及的数字（${here.length} 处）。`
    : `第 ${pageNumber} 页，共 ${pdf.numPages} 页。`;
  document.getElementById('previous-page').disabled = pageNumber <= 1;
  document.getElementById('next-page').disabled = pageNumber >= pdf.numPages;
  centre(viewer.parentElement, viewer.querySelector('.box'));
}

// The page asked for moves at once with each click; drawing follows in order, so two quick clicks turn two pages.
let target = findingPage;

function go(pageNumber) {
  if (pdf && pageNumber >= 1 && pageNumber <= pdf.numPages) {
    target = pageNumber;
    drawing = drawing.then(() => draw(pageNumber)).catch(() => { status.textContent = `无法显示第 ${pageNumber} 页。`; });
  }
}

async function open() {
  let pdfjs;
  try {
    pdfjs = await import('/lib/pdfjs/pdf.min.mjs');
  } catch {
    status.textContent = '无法载入 PDF 查看器（pdf.js 未安装：在 src/Juesuan.Web 中运行 npm ci 后重新构建）。';
    return;
  }

  pdfjs.GlobalWorkerOptions.workerSrc = '/lib/pdfjs/pdf.worker.min.mjs';
  pdf = await pdfjs.getDocument({ url: viewer.dataset.pdf, isEvalSupported: false }).promise;
  document.getElementById('previous-page').addEventListener('click', () => go(target - 1));
  document.getElementById('next-page').addEventListener('click', () => go(target + 1));
  document.getElementById('finding-page').addEventListener('click', () => go(findingPage));
  go(findingPage);
  centre(document.querySelector('.as-read'), document.querySelector('.as-read td.chosen') ?? document.querySelector('.as-read td.marked'));
}

open().catch(() => { status.textContent = '无法显示原件。'; });
