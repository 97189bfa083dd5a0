/* Keeps the list state in the address bar: AJAX paging and sorting push the new URL,
   and going back or forward reloads the page for that URL, which renders the same table.
   The list's form posts to that URL too: the page is stateless, and the server rebuilds the
   table a postback acts on from the address it is posted to. */
var Gatehouse = {
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
