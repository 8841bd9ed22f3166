// /modele/migracja: the progress of a migration batch, asked from the API every second until it is done.
(function () {
  'use strict';
  var bar = document.getElementById('migration-progress');
  var text = document.getElementById('migration-progress-text');
  if (!bar || !text) return;
  var batch = bar.getAttribute('data-batch');
  function poll() {
    fetch('/api/models/migration/batches/' + encodeURIComponent(batch), {
      headers: { accept: 'application/json' },
    })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (progress) {
        if (!progress) return;
        var percent = progress.totalJobs
          ? Math.round((100 * progress.completedJobs) / progress.totalJobs)
          : 100;
        bar.value = progress.done ? 100 : percent;
        text.textContent =
          (progress.done ? 100 : percent) + '% (' + progress.completedJobs + '/' + progress.totalJobs + ')';
        if (!progress.done) setTimeout(poll, 1000);
      });
  }
  poll();
})();
