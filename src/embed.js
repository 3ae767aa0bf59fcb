// Handover embed loader. A classic async script: it finds the widget's files next to itself,
// waits for the host page to finish loading, and never throws into the page.
(function () {
  'use strict';
  var w = window;
  var script = document.currentScript;
  // The command queue, for pages that call Handover(...) before pasting the snippet.
  w.Handover = w.Handover || function () { (w.Handover.q = w.Handover.q || []).push(arguments); };
  if (!script || !script.src || w.fetch === undefined || w.WebAssembly === undefined) return;
  var base = script.src;
  function fail(error) {
    console.error('Handover: the widget could not load from ' + base + ':', error);
  }
  function boot() {
    try {
      // Start the wasm download in parallel with the glue module.
      var wasm = fetch(new URL('handover_bg.wasm', base).href, { credentials: 'same-origin' });
      wasm.catch(function () {});
      import(new URL('handover.js', base).href)
        .then(function (glue) {
          return glue.default({ module_or_path: wasm }).then(function () {
            // A task of its own, so finishing the compile and starting the widget never add
            // up to one long task on the page's main thread.
            setTimeout(function () {
              try { glue.start(script); } catch (error) { fail(error); }
            }, 0);
          });
        })
        .catch(fail);
    } catch (error) {
      fail(error);
    }
  }
  if (document.readyState === 'complete') boot();
  else w.addEventListener('load', boot, { once: true });
})();
