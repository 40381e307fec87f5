// PyTorch's `verbose=True` messages, formatted as Python's '{:.4e}' does.

export function formatE4(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  const [mantissa, exp] = x.toExponential(4).split("e");
  const e = Number(exp);
  return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

export function printLr(group: number, lr: number, epoch?: number): void {
  const at = epoch === undefined ? "" : `Epoch ${Number.isInteger(epoch) ? String(epoch).padStart(5, "0") : epoch.toFixed(2)}: a`;
  console.log(`${at || "A"}djusting learning rate of group ${group} to ${formatE4(lr)}.`);
}
