/*
 * Diacritic-free search for a theme whose search worker is not lunr (Zensical 0.0.x). Loaded
 * as a plain script just before the theme's bundle (the `scripts` block that scripts/dev generate
 * adds to the generated project's overrides/main.html), then again as the search worker's first
 * script.
 *
 * In the page: the theme's search worker (assets/javascripts/workers/search.<hash>.min.js) is
 * started through this file instead, with the theme's worker in the address's #fragment.
 * In the worker: String.prototype.normalize("NFKD"), which is all Zensical's search does to a
 * word (with lower case) before indexing or looking it up, also removes combining marks and
 * writes đ/Đ as d; then the theme's worker is loaded as it is. So "doi moi", "Đổi mới", "ĐỔI MỚI"
 * and decomposed input find the same pages; results still show and highlight the original
 * words, because the worker keeps each word's place in the page text. Material's worker never
 * calls normalize: there our lunr plugin (../lunr/min/lunr.vi.min.js) folds words, and this file
 * changes nothing but the worker's address.
 */
(function () {
  "use strict";

  var WORKER = /\/workers\/search\.[0-9a-z]+\.min\.js$/;

  if (typeof importScripts === "function") {
    var source = new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href);
    if (source.origin !== self.location.origin || !WORKER.test(source.pathname)) return;
    var normalize = String.prototype.normalize;
    String.prototype.normalize = function (form) {
      var text = normalize.apply(this, arguments);
      return form === "NFKD" ? text.replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d") : text;
    };
    importScripts(source.href);
    return;
  }

  var Worker = window.Worker;
  if (typeof Worker !== "function" || !document.currentScript) return;
  var script = document.currentScript.src.split("#")[0];
  window.Worker = function (url, options) {
    var source = new URL(String(url), location.href);
    if (source.origin === location.origin && WORKER.test(source.pathname))
      url = script + "#" + encodeURIComponent(source.href);
    return new Worker(url, options);
  };
  window.Worker.prototype = Worker.prototype;
})();
