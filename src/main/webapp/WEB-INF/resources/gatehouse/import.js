/* The import page (admin/import.xhtml): while the check or the import of a file runs in its
   request, the progress bar asks the server how many rows are done, once a second. Loaded at the
   end of the body; the Content-Security-Policy allows no inline script. */
(function () {
    'use strict';

    var timer = null;
    /* whether the running request imports (true) or checks (false): the count of the other is stale */
    var importing = false;

    function box() {
        return document.getElementById('importProgress');
    }

    function show(done, total, applying) {
        var holder = box();
        var bar = document.getElementById('importProgressBar');
        var text = document.getElementById('importProgressText');
        if (!holder || !bar || !text) {
            return;
        }
        var language = document.documentElement.lang || undefined;
        bar.max = Math.max(total, 1);
        bar.value = Math.min(done, bar.max);
        text.textContent = holder.getAttribute(applying ? 'data-running' : 'data-checking')
            .replace('{0}', done.toLocaleString(language)).replace('{1}', total.toLocaleString(language));
    }

    function poll() {
        var holder = box();
        var url = holder && holder.getAttribute('data-url');
        if (!url || url.indexOf('token=') < 0) {
            return;
        }
        fetch(url, {credentials: 'same-origin', cache: 'no-store', headers: {'Accept': 'application/json'}})
            .then(function (response) {
                return response.ok ? response.json() : null;
            })
            .then(function (progress) {
                if (progress && timer !== null && progress.applying === importing) {
                    show(progress.done, progress.total, progress.applying);
                }
            })
            .catch(function () {
                /* the next poll tries again; the request itself reports how it ended */
            });
    }

    window.GatehouseImport = {
        start: function (applying) {
            var holder = box();
            if (!holder) {
                return;
            }
            importing = applying === true;
            document.getElementById('importProgressBar').removeAttribute('value'); /* indeterminate until the first answer */
            document.getElementById('importProgressText').textContent = '';
            holder.hidden = false;
            if (timer === null) {
                timer = window.setInterval(poll, 1000);
            }
            poll();
        },
        stop: function () {
            if (timer !== null) {
                window.clearInterval(timer);
                timer = null;
            }
            var holder = box();
            if (holder) {
                holder.hidden = true;
            }
        }
    };
})();
