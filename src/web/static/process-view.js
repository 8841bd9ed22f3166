// The managers' process view: the version's diagram (bpmn-js NavigatedViewer) with, on each step, the cases waiting
// there (▶), its incidents (⚠) and the median time (med.) as overlays, and the same median as a heat marker (the
// background of the step). Clicking a step opens the list of cases waiting there. No inline script (CSP); the
// figures and the one text come from the page (data-figures, data-messages). The table under the diagram has the
// same figures for anyone who does not see the colours or the diagram.
(function () {
  var host = document.getElementById('process-diagram');
  if (!host || !window.BpmnJS) return;
  var messages = JSON.parse(host.getAttribute('data-messages') || '{}');
  var figures = JSON.parse(host.getAttribute('data-figures') || '[]');
  var byId = {};
  figures.forEach(function (f) {
    byId[f.id] = f;
  });
  var viewer = new window.BpmnJS({ container: host });
  fetch(
    '/api/monitoring/processes/' + encodeURIComponent(host.getAttribute('data-definition')) + '/diagram',
    { credentials: 'same-origin', headers: { 'accept-language': document.documentElement.lang || 'pl' } },
  )
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
      figures.forEach(function (f) {
        if (!registry.get(f.id)) return; // an activity of another version's diagram
        if (f.heat) canvas.addMarker(f.id, 'heat-' + f.heat);
        var badges = [];
        if (f.active) badges.push(badge('badge-active', '▶ ' + f.active));
        if (f.incidents) badges.push(badge('badge-incident', '⚠ ' + f.incidents));
        if (badges.length) {
          var row = document.createElement('div');
          row.className = 'step-badges';
          badges.forEach(function (b) {
            row.appendChild(b);
          });
          overlays.add(f.id, { position: { bottom: 12, left: -6 }, html: row });
        }
        if (f.median)
          overlays.add(f.id, {
            position: { top: -22, left: 0 },
            html: badge('badge-median', messages.median + ' ' + f.median),
          });
      });
      viewer.get('eventBus').on('element.click', function (event) {
        var figure = byId[event.element.id];
        if (figure && figure.href) window.location.assign(figure.href);
      });
    })
    .catch(function () {
      host.textContent = messages.loadFailed;
    });

  function badge(className, text) {
    var span = document.createElement('span');
    span.className = 'step-badge ' + className;
    span.textContent = text;
    return span;
  }
})();
