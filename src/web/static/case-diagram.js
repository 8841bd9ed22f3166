// Shows the case's process diagram with the current steps highlighted (bpmn-js NavigatedViewer, no inline script).
(function () {
  var host = document.getElementById('diagram');
  if (!host || !window.BpmnJS) return;
  var viewer = new window.BpmnJS({ container: host });
  fetch('/api/processes/' + encodeURIComponent(host.getAttribute('data-process')) + '/diagram', {
    credentials: 'same-origin',
  })
    .then(function (res) {
      return res.text();
    })
    .then(function (xml) {
      return viewer.importXML(xml);
    })
    .then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      (host.getAttribute('data-active') || '')
        .split(',')
        .filter(Boolean)
        .forEach(function (id) {
          try {
            canvas.addMarker(id, 'current-step');
          } catch (e) {
            /* element of another diagram version */
          }
        });
    })
    .catch(function () {
      host.textContent = 'Nie udało się wczytać diagramu.';
    });
})();
