/*
 * Arctic Smartness – progressive enhancement. No dependencies.
 * Loaded with <script src="…/js/site.js" defer>, so the DOM is ready when it runs.
 *
 *  - Reveals elements marked .print-only-with-js (they carry the hidden attribute
 *    so that nothing useless is shown when JavaScript is unavailable).
 *  - Makes every [data-print] button open the browser's print dialogue.
 */
(function () {
    "use strict";

    if (typeof window.print !== "function") {
        return;
    }

    function reveal() {
        var elements = document.querySelectorAll(".print-only-with-js");
        for (var i = 0; i < elements.length; i += 1) {
            elements[i].hidden = false;
        }
    }

    document.addEventListener("click", function (event) {
        var target = event.target;
        var button = target && target.closest ? target.closest("[data-print]") : null;
        if (!button) {
            return;
        }
        event.preventDefault();
        window.print();
    });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", reveal);
    } else {
        reveal();
    }
})();
