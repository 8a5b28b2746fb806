'use strict';
// Small statistics for benchmark samples.

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return NaN;
  }
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The spread of the samples around their median, as (max - min) / median: how noisy a configuration was. */
function spread(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length ? (Math.max(...finite) - Math.min(...finite)) / median(finite) : NaN;
}

/** The q-quantile (0..1) of the samples, interpolated between the nearest ranks. */
function quantile(values, q) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return NaN;
  }
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (pos - lo);
}

module.exports = { median, quantile, spread };
