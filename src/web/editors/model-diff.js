// Visual diff of two versions of a diagram: two bpmn-js viewers side by side, the changes (bpmn-js-differ, computed
// on the server) as markers and overlays with a sign (+ added, − removed, ~ changed, ↔ moved) — not colour alone.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

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

(function () {
  var host = document.getElementById('model-diff');
  if (!host) return;
  var diff = JSON.parse(host.getAttribute('data-diff') || '{}');
  var messages = JSON.parse(host.getAttribute('data-messages') || '{}');
  var all = [];
  function show(container, url, marks) {
    var viewer = new NavigatedViewer({ container: container });
    return fetch(url, { credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.text();
      })
      .then(function (xml) {
        return viewer.importXML(xml);
      })
      .then(function () {
        var canvas = viewer.get('canvas');
        var overlays = viewer.get('overlays');
        var registry = viewer.get('elementRegistry');
        canvas.zoom('fit-viewport');
        marks.forEach(function (m) {
          if (!registry.get(m.id)) return;
          canvas.addMarker(m.id, 'diff-' + m.kind);
          var badge = document.createElement('span');
          badge.className = 'diff-badge diff-badge-' + m.kind;
          badge.textContent = m.sign;
          badge.title = messages[m.kind] || m.kind;
          overlays.add(m.id, 'diff', { position: { top: -12, left: -12 }, html: badge });
        });
        zoomTo(canvas, registry, all);
      })
      .catch(function (e) {
        container.textContent = (messages.loadFailed || '') + ' ' + e.message;
      });
  }
  var ids = function (list) {
    return (list || []).map(function (e) {
      return typeof e === 'string' ? e : e.id;
    });
  };
  var mark = function (list, kind, sign) {
    all = all.concat(ids(list));
    return ids(list).map(function (id) {
      return { id: id, kind: kind, sign: sign };
    });
  };
  Promise.all([
    show(
      document.getElementById('diff-before'),
      host.getAttribute('data-before'),
      mark(diff.removed, 'removed', '−').concat(mark(diff.changed, 'changed', '~')),
    ),
    show(
      document.getElementById('diff-after'),
      host.getAttribute('data-after'),
      mark(diff.added, 'added', '+').concat(
        mark(diff.changed, 'changed', '~'),
        mark(diff.layoutChanged, 'layout', '↔'),
      ),
    ),
  ]).then(function () {
    host.setAttribute('data-ready', 'true');
  });
})();
