// Remembers the light/dark choice in a cookie (read on the server for the first render),
// and shows <time class="local-time"> values in the browser's time zone and language, keeping the UTC value (the
// server-rendered title) on hover.
window.crmTheme = {
  remember: function (value) {
    document.cookie = "crmgov-theme=" + value + "; path=/; max-age=31536000; samesite=lax";
  }
};
(function () {
  var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  function formatter(options) {
    try {
      return new Intl.DateTimeFormat(languages, options);
    } catch (e) {
      return new Intl.DateTimeFormat(undefined, options); // a language tag the browser's Intl does not accept
    }
  }
  // "09.03.2026, 18:04:05" in German, "9 Mar 2026, 18:04:05" in British English, "Mar 9, 2026, 6:04:05 PM" in US English.
  var dateTime = formatter({ dateStyle: "medium", timeStyle: "medium" });

  function localize(el) {
    var iso = el.getAttribute("datetime");
    var d = new Date(iso);
    if (isNaN(d)) {
      return;
    }
    var text = dateTime.format(d);
    if (el.textContent !== text) {
      // Change the text node Blazor rendered rather than replace it: Blazor keeps a reference to it and writes the
      // next value there, which this observer then sees and localizes again.
      var node = el.firstChild;
      if (node && node.nodeType === 3 && !node.nextSibling) {
        node.nodeValue = text;
      } else {
        el.textContent = text;
      }
    }
    if (el.getAttribute("data-localized") !== iso) {
      el.setAttribute("data-localized", iso); // done for this value (tests wait for it)
    }
  }
  function localizeAll(root) {
    // Cheap when nothing changed: localize writes only text that differs, so its own writes end the loop.
    root.querySelectorAll("time.local-time").forEach(localize);
  }
  new MutationObserver(function () { localizeAll(document); })
    .observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["datetime"] });
  document.addEventListener("DOMContentLoaded", function () { localizeAll(document); });
})();
