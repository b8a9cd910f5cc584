/*
 * wagtail-localize's translation editor (a React app) writes two texts in English whatever
 * the admin language: the heading above the segments, "<source> to <target> translation",
 * and the screen-reader name of its "More actions" menu. This puts them into the admin
 * language through the editor's JavaScript catalogue (the admin catalogue's djangojs.po),
 * each time React renders them. Loaded by templates/wagtail_localize/admin/edit_translation.html.
 */
(function () {
    "use strict";

    var HEADING = /^(.+) to (.+) translation$/;

    // Writing a text, even the same one, is a change the observer below reports: write only
    // a text that differs, or an English session (where nothing changes) loops forever.
    function replaceText(element, text) {
        if (element.textContent !== text) {
            element.textContent = text;
        }
    }

    function translate(root) {
        root.querySelectorAll("section h3").forEach(function (heading) {
            var match = HEADING.exec(heading.textContent.trim());
            if (match) {
                replaceText(
                    heading,
                    window.interpolate(
                        window.gettext("%(source)s to %(target)s translation"),
                        { source: match[1], target: match[2] },
                        true
                    )
                );
            }
        });
        root.querySelectorAll(".w-dropdown__toggle .w-sr-only").forEach(function (label) {
            if (label.textContent.trim() === "More actions") {
                replaceText(label, window.gettext("More actions"));
            }
        });
    }

    function start() {
        var editor = document.querySelector(".js-translation-editor");
        if (!editor || typeof window.gettext !== "function") {
            return;
        }
        translate(editor);
        new MutationObserver(function () {
            translate(editor);
        }).observe(editor, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
