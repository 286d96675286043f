// Remembers the light/dark choice in a cookie (read on the server for the first render),
// and shows <time class="local-time"> values in the browser's time zone.
window.crmTheme = {
  remember: function (value) {
    document.cookie = "crmgov-theme=" + value + "; path=/; max-age=31536000; samesite=lax";
  }
};
(function () {
  function localize(root) {
    root.querySelectorAll("time.local-time:not([data-localized])").forEach(function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (!isNaN(d)) {
        el.textContent = d.toLocaleString();
        el.setAttribute("data-localized", "1");
      }
    });
  }
  new MutationObserver(function () { localize(document); })
    .observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  document.addEventListener("DOMContentLoaded", function () { localize(document); });
})();
