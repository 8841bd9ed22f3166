// Renders the task's Camunda Form with form-js and submits it as JSON; the server validates again and names
// the field when something is wrong, and what was typed stays in the form.
(function () {
  var host = document.getElementById('camunda-form');
  var status = document.getElementById('form-status');
  if (!host || !window.FormViewer) return;
  var key = host.getAttribute('data-task');
  var csrf = host.getAttribute('data-csrf');
  fetch('/api/tasks/' + key + '/form', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  })
    .then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) throw new Error(body.error ? body.error.message : 'Nie udało się wczytać formularza.');
        return body;
      });
    })
    .then(function (view) {
      return window.FormViewer.createForm({ container: host, schema: view.schema, data: view.data });
    })
    .then(function (form) {
      form.on('submit', function (event) {
        if (Object.keys(event.errors || {}).length > 0) return;
        status.textContent = 'Zapisywanie…';
        fetch('/api/tasks/' + key + '/complete', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify(event.data),
        }).then(function (res) {
          if (res.status === 204) {
            window.location.assign('/zadania?info=' + encodeURIComponent('Zadanie zakończone.'));
            return;
          }
          return res.json().then(function (body) {
            status.textContent = body.error ? body.error.message : 'Nie udało się zakończyć zadania.';
            if (body.error && body.error.field) {
              var input = host.querySelector(
                '[name="' + body.error.field + '"], #fjs-form-' + body.error.field,
              );
              if (input && input.focus) input.focus();
            }
          });
        });
      });
    })
    .catch(function (error) {
      status.textContent = error.message;
    });
})();
