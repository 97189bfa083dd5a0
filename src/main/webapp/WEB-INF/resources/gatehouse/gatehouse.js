/* Keeps the list state in the address bar: AJAX paging and sorting push the new URL,
   and going back or forward reloads the page for that URL, which renders the same table.
   The list's form posts to that URL too: the page is stateless, and the server rebuilds the
   table a postback acts on from the address it is posted to. */
var Gatehouse = {
    /* A dangerous action was refused until the user confirms their password: ask, then click the
       same button again, so the request carries exactly what the page holds now. */
    stepUp: function (buttonId) {
        Gatehouse.stepUpButton = buttonId;
        ['stepUpForm:stepUpPassword', 'stepUpForm:stepUpCode'].forEach(function (id) {
            var input = document.getElementById(id);
            if (input) {
                input.value = '';
            }
        });
        PF('stepUpDialog').show();
        var password = document.getElementById('stepUpForm:stepUpPassword');
        if (password) {
            password.focus();
        }
    },
    stepUpDone: function (args) {
        if (!args || !args.confirmed) {
            return;
        }
        PF('stepUpDialog').hide();
        var button = Gatehouse.stepUpButton ? document.getElementById(Gatehouse.stepUpButton) : null;
        Gatehouse.stepUpButton = null;
        if (button) {
            button.click();
        }
    },
    pushState: function (url) {
        if (window.location.pathname + window.location.search !== url) {
            window.history.pushState({gatehouse: true}, '', url);
        }
        var form = document.getElementById('list');
        if (form) {
            form.setAttribute('action', url);
        }
    }
};
window.addEventListener('popstate', function () {
    window.location.reload();
});
/* Length limits of form fields, applied in the browser only: a value longer than the field takes
   (pasted or crafted) then gets the server's validation message instead of being cut silently. */
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-maxlength]').forEach(function (input) {
        input.maxLength = parseInt(input.getAttribute('data-maxlength'), 10);
    });
});
/* Narrow windows: the menu button shows and hides the side menu. */
document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('menuButton');
    if (button) {
        button.addEventListener('click', function () {
            var open = document.body.classList.toggle('gh-menu-open');
            button.setAttribute('aria-expanded', open ? 'true' : 'false');
        });
    }
});
/* Times are shown in the reader's time zone: the browser tells it once, the pages after this one use it. */
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && /^[A-Za-z0-9_+\/-]{1,64}$/.test(zone) && document.cookie.indexOf('gatehouse.tz=' + zone) < 0) {
            document.cookie = 'gatehouse.tz=' + zone + '; path=/; max-age=31536000; samesite=lax';
        }
    } catch (ignored) {
        /* no Intl support: times stay in UTC, which every page says */
    }
}());
/* PrimeFaces renders each message as <li role="alert"> inside a <ul>, which screen readers then no longer
   announce as a list: the container takes the alert role instead. Runs again after every AJAX update. */
Gatehouse.fixMessageRoles = function () {
    document.querySelectorAll('.ui-messages ul > li[role=alert]').forEach(function (item) {
        item.removeAttribute('role');
        item.removeAttribute('aria-atomic');
        var box = item.closest('.ui-messages');
        if (box && !box.getAttribute('role')) {
            box.setAttribute('role', 'alert');
        }
    });
};
document.addEventListener('DOMContentLoaded', function () {
    Gatehouse.fixMessageRoles();
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', Gatehouse.fixMessageRoles);
    }
});
