// The decision table editor: dmn-js Modeler, opened on the first decision table; findings as a list and marked rows.
import DmnModeler from 'dmn-js/lib/Modeler';
import { startEditor } from './editor-common';

startEditor(function (parts) {
  var modeler = new DmnModeler({ container: parts.canvas });
  var current = [];
  function markRows() {
    document.querySelectorAll('.lint-row').forEach(function (el) {
      el.classList.remove('lint-row');
    });
    current.forEach(function (f) {
      document.querySelectorAll('[data-row-id="' + CSS.escape(f.element || '') + '"]').forEach(function (el) {
        el.classList.add('lint-row');
      });
    });
  }
  modeler.on('views.changed', function () {
    setTimeout(markRows, 0);
  });
  return {
    load: function (xml) {
      return modeler.importXML(xml).then(function () {
        var table = modeler.getViews().find(function (v) {
          return v.type === 'decisionTable';
        });
        if (table) return modeler.open(table);
      });
    },
    content: function () {
      return modeler.saveXML({ format: true }).then(function (r) {
        return r.xml;
      });
    },
    mark: function (findings) {
      current = findings;
      markRows();
    },
  };
});
