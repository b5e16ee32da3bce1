// On the thanks page, offers the browser's share sheet and a copy-link button where the browser has them.
// Without JavaScript the page is complete: it lists the share links and the address to copy.
// Every word it shows comes from the page's data- attributes, so it speaks the page's language.
(function () {
  "use strict";
  var box = document.querySelector("[data-share-url]");
  if (!box) {
    return;
  }

  var status = box.querySelector(".share-status");
  var sheet = box.querySelector(".share-sheet");
  var copy = box.querySelector(".copy-link");
  var shared = {
    title: box.getAttribute("data-share-title"),
    text: box.getAttribute("data-share-text"),
    url: box.getAttribute("data-share-url")
  };

  if (navigator.share && (!navigator.canShare || navigator.canShare(shared))) {
    sheet.hidden = false;
    sheet.addEventListener("click", function () {
      // Closing the sheet without sharing rejects the promise; that is the person's choice, not an error.
      navigator.share(shared).catch(function () {});
    });
  }

  if (navigator.clipboard && navigator.clipboard.writeText) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(box.getAttribute("data-copy-url")).then(function () {
        status.textContent = box.getAttribute("data-copied");
      }, function () {
        status.textContent = box.getAttribute("data-copy-failed");
      });
    });
  }
})();
