// Renders the task's Camunda Form with form-js and submits it as JSON; the server validates again and names
// the field when something is wrong, and what was typed stays in the form. The texts come from the page
// (data-messages, in the page's language); API answers are asked for in the same language.
(function () {
  var host = document.getElementById('camunda-form');
  var status = document.getElementById('form-status');
  if (!host || !window.FormViewer) return;
  var key = host.getAttribute('data-task');
  var csrf = host.getAttribute('data-csrf');
  var messages = JSON.parse(host.getAttribute('data-messages') || '{}');
  var lang = document.documentElement.lang || 'pl';
  fetch('/api/tasks/' + key + '/form', {
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'accept-language': lang },
  })
    .then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) throw new Error(body.error ? body.error.message : messages.loadFailed);
        return body;
      });
    })
    .then(function (view) {
      return window.FormViewer.createForm({ container: host, schema: view.schema, data: view.data });
    })
    .then(function (form) {
      // the process owners' forms carry no button of their own (as in Camunda's Tasklist): ours submits them
      var button = document.getElementById('camunda-form-submit');
      if (button)
        button.addEventListener('click', function () {
          form.submit();
        });
      form.on('submit', function (event) {
        if (Object.keys(event.errors || {}).length > 0) return;
        status.textContent = messages.saving;
        fetch('/api/tasks/' + key + '/complete', {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'accept-language': lang,
            'x-csrf-token': csrf,
          },
          body: JSON.stringify(event.data),
        }).then(function (res) {
          if (res.status === 204) {
            window.location.assign('/zadania?info=task-completed');
            return;
          }
          return res.json().then(function (body) {
            status.textContent = body.error ? body.error.message : messages.completeFailed;
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
      status.textContent = error.message || messages.loadFailed;
    });
})();
