// A minimal line chart on a canvas: series share the x axis (steps) and the y range.
export function drawChart(canvas, series, steps, label) {
  const ctx = canvas.getContext("2d");
  const { width: w, height: h } = canvas;
  const pad = 28;
  ctx.clearRect(0, 0, w, h);
  const all = series.flatMap((s) => s.values).filter(Number.isFinite);
  const max = all.length ? Math.max(...all) : 1;
  const x = (i) => pad + ((w - 2 * pad) * i) / Math.max(1, steps - 1);
  const y = (v) => h - pad - ((h - 2 * pad) * v) / (max || 1);
  ctx.strokeStyle = "#888";
  ctx.strokeRect(pad, pad, w - 2 * pad, h - 2 * pad);
  ctx.fillStyle = "#333";
  ctx.font = "12px sans-serif";
  ctx.fillText(`${label} (max ${max.toPrecision(3)})`, pad, pad - 8);
  for (const { values, color } of series) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    values.forEach((v, i) => (i ? ctx.lineTo(x(i), y(v)) : ctx.moveTo(x(i), y(v))));
    ctx.stroke();
  }
}
