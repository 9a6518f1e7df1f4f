/* Small enhancements; every page reads correctly without them. No request leaves the site. */
(function () {
  "use strict";

  /* Legal-basis page: count what the level filter shows (site.css does the filtering, so it works
     without this script and the page never shifts when it runs), and sort by any column. */
  function enhanceLegalTable(table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var filter = document.querySelector("[data-legal-filter]");
    if (filter) {
      var count = filter.querySelector(".legal-filter__count");
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

  /* Plan listing: find any plan of the year by name or province, typed with or without diacritics, with
     the site's short forms or their long forms (KH&CN, UBND, TP). The list (name, province, address and
     the words it matches, made by campaign_site.words.search_text) is fetched on first use; the reader's
     words are folded the same way (`typed` there): NFD, marks removed, đ→d, "&" dropped, lower case.
     The plan's names are apart (" / "), then, after " | ", the other names of its province (Hòa Bình for
     Phú Thọ). The plans with a name that holds the words in the order typed are kept ("son la": Sơn La,
     not Lạng Sơn); only if there is none, those whose own names hold every word anywhere ("uy ban nhan
     dan hai phong"); a province's other names count only in order ("ha giang" never finds "hau giang").
     Where the page lists every plan, that table is filtered in place; else the matches are listed. */
  function typed(text) {
    return text.replace(/&/g, "").replace(/[đĐ]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  var SHOWN_PLANS = 50;

  Array.prototype.forEach.call(document.querySelectorAll("[data-plan-filter]"), function (box) {
    var input = box.querySelector("input");
    var status = box.querySelector(".plan-filter__status");
    var results = box.querySelector(".plan-filter__results");
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-plan-rows] tbody tr"));
    var plans = null;
    input.disabled = false;  /* in the page from the start, so that nothing moves now */

    function address(href) { return new URL(href, window.location.href).href; }

    function load() {
      if (!plans) {
        plans = fetch(box.getAttribute("data-source")).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }).then(function (list) {
          list.forEach(function (plan) {
            var places = plan.k.split(" | ");
            var own = places.shift().split(" / ");
            plan.key = " " + own.join(" ");
            plan.names = own.concat(places).map(function (name) { return " " + name; });
          });
          return list;
        });
      }
      return plans;
    }

    function tell(count, listed) {
      status.textContent = count === 0 ? "Không có kế hoạch nào khớp."
        : count > listed ? "Có " + count + " kế hoạch khớp; đang hiện " + listed + " kế hoạch đầu, hãy gõ thêm để thu hẹp."
        : "Có " + count + " kế hoạch khớp.";
    }

    function list(found) {
      results.textContent = "";
      found.slice(0, SHOWN_PLANS).forEach(function (plan) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = plan.u;
        link.textContent = plan.n;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" (" + plan.t + ")"));
        results.appendChild(item);
      });
      tell(found.length, Math.min(found.length, SHOWN_PLANS));
    }

    function filterRows(found) {
      var kept = {};
      found.forEach(function (plan) { kept[address(plan.u)] = true; });
      rows.forEach(function (row) {
        var link = row.querySelector("a[href]");
        row.hidden = !(link && kept[address(link.getAttribute("href"))]);
      });
      tell(found.length, found.length);
    }

    function show() {
      var query = input.value;
      var words = typed(query).split(" ").filter(Boolean);
      if (!words.length) {
        if (results) results.textContent = "";
        rows.forEach(function (row) { row.hidden = false; });
        status.textContent = "";
        return;
      }
      load().then(function (all) {
        if (input.value !== query) return;  // a newer keystroke will answer
        var phrase = " " + words.join(" ");
        // Each word typed starts a word of the plan's names.
        var found = all.filter(function (plan) {
          return plan.names.some(function (name) { return name.indexOf(phrase) !== -1; });
        });
        if (!found.length) {
          found = all.filter(function (plan) {
            return words.every(function (word) { return plan.key.indexOf(" " + word) !== -1; });
          });
        }
        if (results) list(found); else filterRows(found);
      }, function () {
        status.textContent = "Không tải được danh sách. Hãy chọn tỉnh, thành phố ở bảng dưới.";
      });
    }

    input.addEventListener("focus", load);
    input.addEventListener("input", show);
  });

  /* Home page: "plans in your province" goes straight to the chosen province's page (without
     script, the form opens the year's plan listing, which lists every province). */
  Array.prototype.forEach.call(document.querySelectorAll("[data-province-pick]"), function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.location.href = form.querySelector("select").value;
    });
  });

  /* Dates are compared as calendar days in the reader's own time zone. */
  function dayNumber(date) {
    return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86400000;
  }
  function isoDayNumber(iso) {
    var parts = iso.split("-");
    return Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])) / 86400000;
  }
  function shortDate(iso) {
    var parts = iso.split("-");
    var month = Number(parts[1]);
    return parts[2] + "/" + (month < 3 ? parts[1] : String(month)) + "/" + parts[0];
  }
  var today = dayNumber(new Date());

  /* "Next date" panel: the next observance or report deadline and the days left, for today. */
  Array.prototype.forEach.call(document.querySelectorAll("[data-next-date]"), function (panel) {
    var data = panel.querySelector("[data-next-date-items]");
    var text = panel.querySelector("[data-next-date-text]");
    var items = JSON.parse(data.textContent);
    var next = items.filter(function (item) { return isoDayNumber(item.date) >= today; })[0];
    text.textContent = "";
    if (!next) {
      var last = items[items.length - 1];
      text.textContent = last
        ? "Mọi ngày trên trang này đều đã qua; ngày gần đây nhất: " + last.title + ", " + shortDate(last.date) + "."
        : "Chưa có ngày nào được công bố.";
      return;
    }
    var days = isoDayNumber(next.date) - today;
    var link = document.createElement("a");
    link.href = next.url;
    link.textContent = next.title;
    var when = document.createElement("time");
    when.dateTime = next.date;
    when.textContent = shortDate(next.date);
    var left = document.createElement("strong");
    left.textContent = days === 0 ? "hôm nay" : days === 1 ? "ngày mai" : "còn " + days + " ngày";
    text.append(link, ": ", when, " (", left, ").");
  });

  /* Calendar lists: move events between "coming" and "past" for today's date. */
  Array.prototype.forEach.call(document.querySelectorAll("[data-cal-lists]"), function (block) {
    var coming = block.querySelector('[data-cal-list="coming"]');
    var past = block.querySelector('[data-cal-list="past"]');
    if (!coming) return;  /* nothing was ahead on the build's day, so nothing is ahead today */
    var items = Array.prototype.slice.call(block.querySelectorAll("li[data-last]"));
    var built = items.slice();  /* the build's order breaks ties between events of the same day */
    items.sort(function (a, b) {
      var start = a.getAttribute("data-start").localeCompare(b.getAttribute("data-start"));
      return start || built.indexOf(a) - built.indexOf(b);
    });
    items.forEach(function (item) {
      if (isoDayNumber(item.getAttribute("data-last")) >= today) coming.appendChild(item);
    });
    items.slice().reverse().forEach(function (item) {
      if (isoDayNumber(item.getAttribute("data-last")) < today) past.appendChild(item);
    });
    block.querySelector('[data-cal-empty="coming"]').hidden = coming.children.length > 0;
    block.querySelector('[data-cal-empty="past"]').hidden = past.children.length > 0;
  });

  /* Month grids: mark today. */
  Array.prototype.forEach.call(document.querySelectorAll(".cal-day time"), function (time) {
    var cell = time.parentNode;
    cell.classList.toggle("cal-day--today", isoDayNumber(time.getAttribute("datetime")) === today);
  });

  /* Banners page: copy a slogan or theme exactly, and say so to screen readers. */
  var copyStatus = document.querySelector("[data-copy-status]");

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(area);
      if (copied) resolve(); else reject(new Error("copy refused"));
    });
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /* A copy button: copies `text()`, says so in `status`; where copying is refused, selects
     `selectable` for Ctrl+C. Its label comes back after 4 s. */
  function wireCopy(button, text, selectable, status, done, refused) {
    var idle = button.textContent;
    var timer = null;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(text()).then(function () {
        button.textContent = "Đã sao chép";
        status.textContent = done;
      }, function () {
        selectText(selectable);
        button.textContent = "Hãy nhấn Ctrl+C";
        status.textContent = refused;
      });
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { button.textContent = idle; }, 4000);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !copyStatus) return;
    var label = button.getAttribute("data-copy-label");
    wireCopy(button, function () { return source.textContent; }, source, copyStatus,
      "Đã sao chép " + label + " vào bộ nhớ tạm.",
      "Không sao chép tự động được. Chữ của " + label + " đã được chọn: hãy nhấn Ctrl+C.");
  });

  /* Calendar feeds: the copy above, for a value held in the button's data-copy-value (a feed's https://
     address: webcal:// links do nothing on most Android phones). The address is also on the page as
     text, selected when copying is refused; each feed has its own status line. */
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy-value]"), function (button) {
    var shown = button.parentNode.querySelector("code");
    var status = button.parentNode.querySelector("[data-copy-feed-status]");
    if (!shown || !status) return;
    var label = button.getAttribute("data-copy-label");
    wireCopy(button, function () { return button.getAttribute("data-copy-value"); }, shown, status,
      "Đã sao chép địa chỉ lịch: " + label + ".",
      "Không sao chép tự động được. Địa chỉ lịch " + label + " đã được chọn: hãy nhấn Ctrl+C.");
  });
})();
