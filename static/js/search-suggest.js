/*
 * Arctic Smartness – search suggestions as the visitor types. No dependencies.
 * Loaded with <script src="…/js/search-suggest.js" defer>, so the DOM is ready when it runs.
 *
 * Progressive enhancement of the header search box (#header-search-input) and the search
 * page's box (#search-input): the ARIA 1.2 combobox pattern with a listbox popup
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Page titles come from the JSON
 * endpoint named in the header form's data-suggest-url, which is in the page's language;
 * the texts for screen readers come from its data-label-* attributes.
 *
 *  - Typing (at least two characters) asks for suggestions after a 200 ms pause; a newer
 *    keystroke aborts the request still under way.
 *  - ArrowDown / ArrowUp move through the suggestions (wrapping), Enter opens the
 *    highlighted one, otherwise the form is submitted as usual; Escape and Tab close the
 *    list; a click opens a suggestion.
 *  - A visually hidden status region announces how many suggestions there are.
 *
 * Without JavaScript (or without fetch/AbortController) the boxes stay plain search forms.
 */
(function () {
    "use strict";

    var DEBOUNCE_MS = 200;
    var MIN_LENGTH = 2;

    if (typeof window.fetch !== "function" || typeof window.AbortController !== "function") {
        return;
    }

    function enhance(input, config) {
        var form = input.form;
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        var status = document.createElement("div");
        var timer = null;
        var controller = null;
        var options = [];
        var active = -1;

        list.id = listId;
        list.className = "search-suggest";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", config.labelListbox);
        list.hidden = true;

        status.className = "visually-hidden";
        status.setAttribute("role", "status");

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        // The browser's own history of typed words would cover ours.
        input.setAttribute("autocomplete", "off");

        form.classList.add("search-suggest-host");
        input.insertAdjacentElement("afterend", list);
        list.insertAdjacentElement("afterend", status);

        function announce(count) {
            status.textContent = count ? config.labelResults + " " + count : config.labelNone;
        }

        function highlight(index) {
            if (active >= 0 && options[active]) {
                options[active].element.setAttribute("aria-selected", "false");
            }
            active = index;
            if (active >= 0 && options[active]) {
                var element = options[active].element;
                element.setAttribute("aria-selected", "true");
                input.setAttribute("aria-activedescendant", element.id);
                if (typeof element.scrollIntoView === "function") {
                    element.scrollIntoView({ block: "nearest" });
                }
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function open() {
            if (!options.length) {
                return;
            }
            // The list is positioned in the form; align it with the box itself.
            list.style.left = input.offsetLeft + "px";
            list.style.minWidth = input.offsetWidth + "px";
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            highlight(-1);
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function isOpen() {
            return !list.hidden;
        }

        function cancel() {
            window.clearTimeout(timer);
            if (controller) {
                controller.abort();
                controller = null;
            }
        }

        function go(index) {
            var option = options[index];
            if (option) {
                close();
                window.location.assign(option.url);
            }
        }

        function render(suggestions) {
            close();
            list.textContent = "";
            options = [];
            suggestions.forEach(function (suggestion, index) {
                var item = document.createElement("li");
                var title = document.createElement("span");
                var type = document.createElement("span");
                item.id = listId + "-" + index;
                item.className = "search-suggest__option";
                item.setAttribute("role", "option");
                item.setAttribute("aria-selected", "false");
                title.className = "search-suggest__title";
                title.textContent = suggestion.title;
                type.className = "search-suggest__type";
                type.textContent = suggestion.type;
                // The space keeps the title and the type apart in the option's name.
                item.append(title, " ", type);
                item.addEventListener("click", function () {
                    go(index);
                });
                list.appendChild(item);
                options.push({ element: item, url: suggestion.url });
            });
            announce(options.length);
            if (document.activeElement === input) {
                open();
            }
        }

        function fetchSuggestions(text) {
            var url = config.url + "?" + new URLSearchParams({ q: text }).toString();
            controller = new AbortController();
            fetch(url, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal: controller.signal,
            })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("Suggestions: HTTP " + response.status);
                    }
                    return response.json();
                })
                .then(function (data) {
                    render(Array.isArray(data.suggestions) ? data.suggestions : []);
                })
                .catch(function () {
                    // Aborted or failed: the form still submits to the search page.
                });
        }

        input.addEventListener("input", function () {
            var text = input.value.trim();
            cancel();
            if (text.length < MIN_LENGTH) {
                options = [];
                list.textContent = "";
                close();
                status.textContent = "";
                return;
            }
            timer = window.setTimeout(function () {
                fetchSuggestions(text);
            }, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) {
                return;
            }
            switch (event.key) {
                case "ArrowDown":
                    if (!options.length) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                        highlight(0);
                    } else {
                        highlight((active + 1) % options.length);
                    }
                    break;
                case "ArrowUp":
                    if (!options.length) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                        highlight(options.length - 1);
                    } else {
                        highlight(active <= 0 ? options.length - 1 : active - 1);
                    }
                    break;
                case "Enter":
                    if (isOpen() && active >= 0) {
                        event.preventDefault();
                        go(active);
                    }
                    break;
                case "Escape":
                    // Only when the list is open: otherwise the search box clears itself.
                    if (isOpen()) {
                        event.preventDefault();
                        close();
                    }
                    break;
                case "Tab":
                    close();
                    break;
                default:
                    break;
            }
        });

        // A click on an option must not blur the box first, or the list would close
        // before the click arrives.
        list.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });
        input.addEventListener("blur", close);
        form.addEventListener("submit", function () {
            cancel();
            close();
        });
        // Coming back with the Back button must not show a stale list.
        window.addEventListener("pageshow", close);
    }

    function init() {
        var host = document.querySelector("form[data-suggest-url]");
        if (!host) {
            return;
        }
        var config = {
            url: host.getAttribute("data-suggest-url"),
            labelListbox: host.getAttribute("data-label-listbox") || "",
            labelResults: host.getAttribute("data-label-results") || "",
            labelNone: host.getAttribute("data-label-none") || "",
        };
        ["header-search-input", "search-input"].forEach(function (id) {
            var input = document.getElementById(id);
            if (input && input.form) {
                enhance(input, config);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
