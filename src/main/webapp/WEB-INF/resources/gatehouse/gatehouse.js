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
/* The export link always exports what the table shows now, including AJAX paging and sorting. */
document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.gh-export') : null;
    if (link) {
        link.href = link.getAttribute('data-base') + window.location.search;
    }
});
/* Length limits of form fields, applied in the browser only: a value longer than the field takes
   (pasted or crafted) then gets the server's validation message instead of being cut silently. */
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-maxlength]').forEach(function (input) {
        input.maxLength = parseInt(input.getAttribute('data-maxlength'), 10);
    });
});
