/* Small enhancements; every page reads correctly without them. No request leaves the site. */
(function () {
  "use strict";

  /* Legal-basis page: filter the registry by issuer level and sort it by any column. */
  function enhanceLegalTable(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var filter = document.querySelector("[data-legal-filter]");
    if (filter) {
      var count = filter.querySelector(".legal-filter__count");
      filter.hidden = false;
      filter.addEventListener("change", function (event) {
        var level = event.target.value;
        var shown = 0;
        rows.forEach(function (row) {
          row.hidden = Boolean(level) && row.getAttribute("data-level") !== level;
          if (!row.hidden) shown += 1;
        });
        count.textContent = "Đang hiện " + shown + " trên " + rows.length + " văn bản.";
      });
    }
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "legal-table__sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      if (!th.hasAttribute("aria-sort")) th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        function key(row) {
          var cell = row.cells[index];
          return cell.getAttribute("data-sort") || cell.textContent.trim();
        }
        rows.slice()
          .sort(function (a, b) {
            return key(a).localeCompare(key(b), "vi", { numeric: true }) * (ascending ? 1 : -1);
          })
          .forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-legal-table]"), enhanceLegalTable);
})();
