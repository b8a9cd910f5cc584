/* The search field of a list of check boxes (home/widgets.py FilterableCheckboxes): typing
 * hides the items whose label does not contain the text, ignoring case and accents
 * ("pohjoinen" finds "Pohjoinen" and "pöhjoinen" alike). Checked items stay in view, so
 * the editor always sees what is chosen. A Stimulus controller, registered with Wagtail's
 * admin application, so lists in panels added later work too. */
(() => {
  const fold = (text) =>
    text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

  class FilterableCheckboxes extends window.StimulusModule.Controller {
    static targets = ['search', 'none'];

    connect() {
      this.searchTarget.hidden = false;
    }

    get items() {
      return [...this.element.querySelectorAll('input[type="checkbox"]')].map((box) => ({
        box,
        row: box.closest('label')?.parentElement ?? box.parentElement,
        text: fold(box.closest('label')?.textContent ?? ''),
      }));
    }

    filter(event) {
      const query = fold(event.target.value);
      let shown = 0;
      this.items.forEach(({ box, row, text }) => {
        const show = !query || box.checked || text.includes(query);
        row.hidden = !show;
        if (show) shown += 1;
      });
      this.noneTarget.hidden = shown > 0;
    }

    // Enter in the search field would submit the whole page form.
    ignoreEnter(event) {
      event.preventDefault();
    }
  }

  window.wagtail.app.register('filterable-checkboxes', FilterableCheckboxes);
})();
