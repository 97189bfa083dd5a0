/* The list page (admin/list.xhtml): addresses without empty parameters, the column choice
   remembered, feedback for the CSV export, and the focus states of its plain buttons. Loaded
   at the end of the body; the Content-Security-Policy allows no inline script. */
(function () {
    'use strict';

    /* The search and filter forms are plain GET forms: the address they lead to names only the
       fields that hold something, so that it reads as what narrows the list. */
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.classList || !form.classList.contains('gh-get-form')) {
            return;
        }
        event.preventDefault();
        var parameters = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
            if (typeof value === 'string' && value.trim() !== '') {
                parameters.append(name, value.trim());
            }
        });
        var query = parameters.toString();
        window.location.assign(form.getAttribute('action') + (query ? '?' + query : ''));
    });

    /* The columns hidden with the column chooser, per user and view, in a cookie of the view's
       address: the page renders them hidden on the next visit. */
    var COLUMN_PREFIX = 'list:table:columns:';

    function saveColumns() {
        var holder = document.getElementById('columnChoice');
        var head = document.getElementById('list:table_head');
        if (!holder || !head) {
            return;
        }
        var names = holder.getAttribute('data-columns').split('|');
        var hidden = [];
        head.querySelectorAll('th').forEach(function (th) {
            if (th.id.indexOf(COLUMN_PREFIX) === 0 && th.classList.contains('ui-helper-hidden')) {
                var name = names[parseInt(th.id.substring(COLUMN_PREFIX.length), 10)];
                if (name) {
                    hidden.push(name);
                }
            }
        });
        document.cookie = holder.getAttribute('data-cookie') + '=' + holder.getAttribute('data-owner') + ':'
            + hidden.join('|') + '; path=' + holder.getAttribute('data-path') + '; max-age=31536000; samesite=lax';
    }

    function afterColumnChooser(event) {
        if (event.target.closest && event.target.closest('.ui-columntoggler')) {
            /* after PrimeFaces has shown or hidden the column */
            window.setTimeout(saveColumns, 0);
        }
    }
    document.addEventListener('click', afterColumnChooser);
    document.addEventListener('keydown', afterColumnChooser);

    /* Export: a toast when it starts and one when the download has begun. The link exports what
       the table shows now (the address bar follows AJAX paging and sorting) and carries a token
       that the server answers with a short-lived cookie once the file is on its way. */
    var watching = null;

    function toast(text) {
        var growl = null;
        if (window.PrimeFaces && PrimeFaces.widgets && PrimeFaces.widget && PrimeFaces.widget.Growl) {
            Object.keys(PrimeFaces.widgets).forEach(function (name) {
                if (!growl && PrimeFaces.widgets[name] instanceof PrimeFaces.widget.Growl) {
                    growl = PrimeFaces.widgets[name];
                }
            });
        }
        if (growl) {
            growl.renderMessage({summary: text, detail: '', severity: 'info'});
        } else {
            var status = document.getElementById('exportStatus');
            if (status) {
                status.textContent = text;
            }
        }
    }

    function watchDownload(box, token) {
        var cookie = box.getAttribute('data-cookie');
        var path = box.getAttribute('data-cookie-path');
        var tries = 0;
        if (watching) {
            window.clearInterval(watching);
        }
        watching = window.setInterval(function () {
            tries++;
            var arrived = document.cookie.split(/;\s*/).indexOf(cookie + '=' + token) >= 0;
            if (arrived || tries > 600) {
                window.clearInterval(watching);
                watching = null;
            }
            if (arrived) {
                document.cookie = cookie + '=; path=' + path + '; max-age=0; samesite=lax';
                toast(box.getAttribute('data-ready'));
            }
        }, 500);
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('#exportBox a') : null;
        if (!link) {
            return;
        }
        var box = document.getElementById('exportBox');
        var token = Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
        var search = window.location.search;
        link.href = box.getAttribute('data-base') + search + (search ? '&' : '?') + 'download=' + token;
        toast(box.getAttribute('data-started'));
        watchDownload(box, token);
    });

    /* The plain submit buttons of the GET forms get PrimeFaces' hover and focus states. */
    document.addEventListener('DOMContentLoaded', function () {
        if (window.PrimeFaces && PrimeFaces.skinButton && window.jQuery) {
            document.querySelectorAll('button.gh-skin').forEach(function (button) {
                PrimeFaces.skinButton(window.jQuery(button));
            });
        }
    });
}());
