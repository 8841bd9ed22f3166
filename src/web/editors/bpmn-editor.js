// The diagram editor: bpmn-js Modeler with the Camunda 7 properties panel and behaviours; findings as markers and
// overlays on their elements.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { startEditor } from './editor-common';

// Zooms the viewer onto the given elements (with a margin), when any: a wide diagram fitted whole is unreadable.
function zoomTo(canvas, registry, ids) {
  var boxes = ids
    .map(function (id) {
      return registry.get(id);
    })
    .filter(function (el) {
      return el && el.width !== undefined;
    });
  if (boxes.length === 0) return;
  var minX = Math.min.apply(
    null,
    boxes.map(function (b) {
      return b.x;
    }),
  );
  var minY = Math.min.apply(
    null,
    boxes.map(function (b) {
      return b.y;
    }),
  );
  var maxX = Math.max.apply(
    null,
    boxes.map(function (b) {
      return b.x + b.width;
    }),
  );
  var maxY = Math.max.apply(
    null,
    boxes.map(function (b) {
      return b.y + b.height;
    }),
  );
  var size = canvas.getSize();
  var width = Math.max(maxX - minX + 400, 900);
  var height = Math.max(maxY - minY + 300, (width * size.height) / size.width);
  canvas.viewbox({
    x: (minX + maxX) / 2 - width / 2,
    y: (minY + maxY) / 2 - height / 2,
    width: width,
    height: height,
  });
}

startEditor(function (parts) {
  var modeler = new BpmnModeler({
    container: parts.canvas,
    propertiesPanel: { parent: parts.panel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
    ],
    moddleExtensions: { camunda: camundaModdle },
  });
  var marked = [];
  return {
    load: function (xml) {
      return modeler.importXML(xml).then(function () {
        modeler.get('canvas').zoom('fit-viewport');
      });
    },
    content: function () {
      return modeler.saveXML({ format: true }).then(function (r) {
        return r.xml;
      });
    },
    mark: function (findings) {
      var canvas = modeler.get('canvas');
      var overlays = modeler.get('overlays');
      var registry = modeler.get('elementRegistry');
      overlays.remove({ type: 'lint' });
      marked.forEach(function (id) {
        if (registry.get(id)) canvas.removeMarker(id, 'lint-error');
      });
      marked = [];
      var counts = {};
      findings.forEach(function (f) {
        if (f.element && registry.get(f.element)) counts[f.element] = (counts[f.element] || 0) + 1;
      });
      Object.keys(counts).forEach(function (id) {
        canvas.addMarker(id, 'lint-error');
        marked.push(id);
        var badge = document.createElement('span');
        badge.className = 'lint-badge';
        badge.textContent = '! ' + counts[id];
        badge.title = findings
          .filter(function (f) {
            return f.element === id;
          })
          .map(function (f) {
            return f.message;
          })
          .join('\n');
        overlays.add(id, 'lint', { position: { top: -12, right: 12 }, html: badge });
      });
      zoomTo(canvas, registry, marked);
    },
    focus: function (id) {
      var element = modeler.get('elementRegistry').get(id);
      if (!element) return;
      modeler.get('canvas').scrollToElement(element);
      modeler.get('selection').select(element);
    },
  };
});
