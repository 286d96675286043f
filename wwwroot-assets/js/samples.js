// Sample records a user pasted into a flow's live preview, remembered in this browser so they can be picked again.
window.crmSamples = {
  list: function (key) {
    try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch { return []; }
  },
  remember: function (key, sample) {
    if (!sample || !sample.trim()) return window.crmSamples.list(key);
    const samples = window.crmSamples.list(key).filter(s => s !== sample);
    samples.unshift(sample);
    localStorage.setItem(key, JSON.stringify(samples.slice(0, 8)));
    return samples.slice(0, 8);
  }
};
