/**
 * @lrsched/explore: which schedule lifts your model, and is the lift real? Sweeps and range tests on
 * any TensorFlow.js model and data set, and the charts and pages that report them.
 */
export { chartBase, FONT } from "./charts/frame";
export { formatNumber, formatSteps } from "./charts/numbers";
export { renderSvg, renderPng } from "./charts/render";
export { renderPdf } from "./charts/pdf";
export { escapeHtml, inlineSvg, htmlPage } from "./report/html";
