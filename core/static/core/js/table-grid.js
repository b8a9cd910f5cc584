/* The table block's editor as a grid: the column headings on top, then one line of cells
 * per table row, each cell a text field.
 *
 * Only the form changes. The value is still Wagtail's lists of text blocks (the headings,
 * and the rows' cells), so wagtail-localize still offers each cell to translators as a
 * segment of its own. Columns are added, moved and deleted in the heading row and in every
 * row at once, so the rows always have as many cells as there are headings; rows keep
 * Wagtail's own move and delete buttons. Without this script the editor falls back to
 * Wagtail's plain lists (table-grid.css styles nothing until the class below is set).
 */
(() => {
  const { StructBlockDefinition } = window.wagtailStreamField.blocks;

  const format = (template, values) =>
    template.replace(/%\((\w+)\)s/g, (match, key) => values[key]);

  const iconButton = (action, icon) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--icon text-replace white';
    button.dataset.tableGridAction = action;
    button.innerHTML = `<svg class="icon icon-${icon}" aria-hidden="true"><use href="#icon-${icon}"></use></svg>`;
    return button;
  };

  const textButton = (action, label) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-small button-secondary';
    button.dataset.tableGridAction = action;
    button.innerHTML = '<svg class="icon icon-plus" aria-hidden="true"><use href="#icon-plus"></use></svg>';
    button.append(label);
    return button;
  };

  const inputOf = (child) => child.element.querySelector('input[type="text"], textarea');

  class TableGrid {
    constructor(block, strings) {
      this.strings = strings;
      this.header = block.childBlocks.header;
      this.rows = block.childBlocks.rows;
      this.root = block.container[0];

      // The headings and the rows scroll sideways together when a wide table does not fit.
      const headerField = this.header.container[0].closest('[data-contentpath="header"]');
      const rowsField = this.rows.container[0].closest('[data-contentpath="rows"]');
      this.cells = document.createElement('div');
      this.cells.className = 'table-grid__cells';
      headerField.before(this.cells);
      this.cells.append(headerField, rowsField);

      const toolbar = document.createElement('div');
      toolbar.className = 'table-grid__toolbar';
      toolbar.append(
        textButton('add-row', strings.addRow),
        textButton('add-column', strings.addColumn),
      );
      this.cells.after(toolbar);

      this.root.classList.add('table-grid');
      this.root.addEventListener('click', (event) => this.onClick(event));
      this.root.addEventListener('change', (event) => {
        if (event.target.type === 'checkbox') this.refresh();
      });
      // Wagtail's own row buttons (move, delete) and restored states change the lists too.
      new MutationObserver(() => this.scheduleRefresh()).observe(this.cells, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['aria-hidden'],
      });
      this.refresh();
    }

    get columnCount() {
      return this.header.children.length;
    }

    cellLists() {
      return this.rows.children.map((row) => row.block.childBlocks.cells);
    }

    onClick(event) {
      const button = event.target.closest('[data-table-grid-action]');
      if (!button || !this.root.contains(button)) return;
      const column = this.header.children.findIndex((child) =>
        child.element.contains(button),
      );
      switch (button.dataset.tableGridAction) {
        case 'add-row':
          this.addRow();
          break;
        case 'add-column':
          this.addColumn();
          break;
        case 'move-left':
          this.moveColumn(column, column - 1);
          break;
        case 'move-right':
          this.moveColumn(column, column + 1);
          break;
        case 'delete-column':
          this.deleteColumn(column);
          break;
        default:
          return;
      }
      this.refresh();
    }

    addRow() {
      const cells = Array.from({ length: this.columnCount }, () => ({ value: '' }));
      const row = this.rows.insert({ cells }, this.rows.children.length);
      const first = row.block.childBlocks.cells.children[0];
      if (first) inputOf(first).focus();
    }

    addColumn() {
      const index = this.columnCount;
      const heading = this.header.insert('', index);
      this.cellLists().forEach((cells) => cells.insert('', Math.min(index, cells.children.length)));
      inputOf(heading).focus();
    }

    moveColumn(from, to) {
      if (from < 0 || to < 0 || to >= this.columnCount) return;
      this.header.moveBlock(from, to);
      this.cellLists().forEach((cells) => {
        if (from < cells.children.length && to < cells.children.length) {
          cells.moveBlock(from, to);
        }
      });
      // Moving the column's element took the keyboard focus away: give it back to the same
      // button, or to one still enabled once the column reaches an edge.
      this.refresh();
      const controls = this.header.children[to].element.querySelector(
        '.table-grid__column-controls',
      );
      const same = to < from ? 'move-left' : 'move-right';
      const button =
        controls.querySelector(`[data-table-grid-action="${same}"]:not(:disabled)`) ||
        controls.querySelector('button:not(:disabled)');
      if (button) button.focus();
    }

    deleteColumn(index) {
      if (index < 0 || this.columnCount <= 1) return;
      this.header.deleteBlock(index);
      this.cellLists().forEach((cells) => {
        if (index < cells.children.length) cells.deleteBlock(index);
      });
    }

    scheduleRefresh() {
      if (this.pending) return;
      this.pending = window.requestAnimationFrame(() => {
        this.pending = null;
        this.refresh();
      });
    }

    /* Column count, accessible names and button states after any change. */
    refresh() {
      const columns = this.columnCount;
      const { strings } = this;
      this.root.style.setProperty('--table-grid-columns', String(Math.max(columns, 1)));

      this.header.children.forEach((heading, index) => {
        const column = index + 1;
        const input = inputOf(heading);
        if (input) input.setAttribute('aria-label', format(strings.heading, { column }));
        let controls = heading.element.querySelector('.table-grid__column-controls');
        if (!controls) {
          controls = document.createElement('div');
          controls.className = 'table-grid__column-controls';
          controls.append(
            iconButton('move-left', 'arrow-left'),
            iconButton('move-right', 'arrow-right'),
            iconButton('delete-column', 'bin'),
          );
          heading.element.prepend(controls);
        }
        [
          ['move-left', strings.moveLeft, index === 0],
          ['move-right', strings.moveRight, index === columns - 1],
          ['delete-column', strings.deleteColumn, columns <= 1],
        ].forEach(([action, label, disabled]) => {
          const button = controls.querySelector(`[data-table-grid-action="${action}"]`);
          const text = format(label, { column });
          button.title = text;
          button.setAttribute('aria-label', text);
          button.disabled = disabled;
        });
      });

      this.rows.children.forEach((rowChild, rowIndex) => {
        const cells = rowChild.block.childBlocks.cells;
        // A row saved with fewer cells than headings gets empty ones, as the grid shows it.
        while (cells.children.length < columns) {
          cells.insert('', cells.children.length);
        }
        cells.children.forEach((cell, index) => {
          cell.element.classList.toggle('table-grid__row-heading', index === 0);
          const input = inputOf(cell);
          if (input) {
            input.setAttribute(
              'aria-label',
              format(strings.cell, { row: rowIndex + 1, column: index + 1 }),
            );
          }
        });
      });

      const checkbox = this.root.querySelector(
        '[data-contentpath="first_column_is_header"] input[type="checkbox"]',
      );
      this.root.classList.toggle('table-grid--row-headings', Boolean(checkbox?.checked));
    }
  }

  class TextTableBlockDefinition extends StructBlockDefinition {
    render(...args) {
      const block = super.render(...args);
      if (this.meta.grid) new TableGrid(block, this.meta.grid);
      return block;
    }
  }

  window.telepath.register('core.blocks.TextTableBlock', TextTableBlockDefinition);
})();
