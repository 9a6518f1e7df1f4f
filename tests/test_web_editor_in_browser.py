"""The web editor as an officer uses it: `/admin/` in Chromium, against Decap's local git back end
(`decap-server` in git mode, as `scripts/dev edit` runs it) on a git copy of the project, with the live
preview serving the site.

A new commune's plan is made with the form (issuer and province, the window, one report deadline, a legal
basis chosen from the registry, a slogan chosen from the year's); a date that does not exist is refused
in the form before anything is saved; saving makes a branch and a commit (the editorial workflow);
publishing merges it; the project's check passes and the rebuilt site shows the plan. A shipped plan
edited in the form keeps all its other data. `/admin/` requests nothing off 127.0.0.1, breaks no rule of
its policy, and logs no console error.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from conftest import REPO, keep_on_this_machine, mkdocs_serve, wait_for_text
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, expect
from project_copy import copy_project

from campaign_site.data.model import Plan

BACK_END = ("127.0.0.1", 8081)
"""Where the generated configuration looks for the local back end (`cms_config.LOCAL_BACKEND`)."""
GIT = {"GIT_AUTHOR_NAME": "Biên tập viên", "GIT_AUTHOR_EMAIL": "bientap@example.vn",
       "GIT_COMMITTER_NAME": "Biên tập viên", "GIT_COMMITTER_EMAIL": "bientap@example.vn"}
NEW_PLAN = "uy-ban-nhan-dan-xa-an-binh"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True,
                          env=os.environ | GIT).stdout


def _wait_for_port(address: tuple[str, int], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(address) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on {address}")


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository of the project, as staff have it, with the editor's npm packages installed."""
    project = copy_project(tmp_path_factory.mktemp("editor") / "project")
    (project / "scripts/editor/node_modules").symlink_to(REPO / "scripts/editor/node_modules")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Dữ liệu ban đầu")
    return project


@pytest.fixture(scope="module")
def editing(repository: Path) -> Iterator[str]:
    """`scripts/dev edit` on the repository: the local git back end and the live preview; yields the site's URL."""
    with socket.socket() as probe:
        assert probe.connect_ex(BACK_END) != 0, "another decap-server holds 127.0.0.1:8081"
    env = os.environ | GIT | {"MODE": "git", "GIT_REPO_DIRECTORY": str(repository), "BIND_HOST": BACK_END[0],
                              "PORT": str(BACK_END[1]), "LOG_LEVEL": "warn"}
    server = subprocess.Popen([str(REPO / "scripts/editor/node_modules/.bin/decap-server")], cwd=repository, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_port(BACK_END)
        with mkdocs_serve(repository) as url:
            wait_for_text(url + "admin/", "decap-cms.js", seconds=120)
            yield url
    finally:
        server.terminate()
        errors = server.communicate(timeout=30)[1]
    assert "error" not in errors.lower(), errors


@pytest.fixture
def admin(browser: Browser, editing: str) -> Iterator[Page]:
    """`/admin/`, logged in to the local back end, failing the test on any request off 127.0.0.1, policy
    violation, script error or console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    problems: list[str] = []
    keep_on_this_machine(context, problems)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.on("console", console)
    tab.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    tab.on("dialog", lambda dialog: dialog.accept())  # "publish this entry?"
    tab.goto(editing + "admin/")
    tab.get_by_role("button", name="Đăng nhập").click()
    expect(tab.get_by_text("Kế hoạch năm 2026").first).to_be_visible()
    yield tab
    problems += tab.evaluate("window.__violations")
    context.close()
    assert not problems, problems


def field(page: Page, label: str) -> Locator:
    """The form's field with this label (the form adds "(không bắt buộc)" to optional ones)."""
    return page.get_by_label(re.compile("^" + re.escape(label) + r"( \(không bắt buộc\))?$", re.IGNORECASE))


def type_into(page: Page, label: str, text: str) -> None:
    """Type as a person does. The form renders between keys, and on a busy machine it can drop a key typed
    during a render, as it would a person's: then the field is typed again, as a person would."""
    box = field(page, label)
    for _ in range(3):
        box.click()
        box.press("Control+a")
        box.press("Delete")
        box.press_sequentially(text, delay=40)
        if box.input_value() == text:
            return
    expect(box).to_have_value(text)


def choose(page: Page, label: str, search: str, option: str) -> None:
    """Pick from a list of choices (a fixed list, or another file's records) by typing part of it."""
    box = field(page, label)
    box.click()
    box.press_sequentially(search, delay=25)
    page.locator("[class*='option']", has_text=option).first.click()


def save(page: Page) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()


def test_a_plan_made_in_the_form_goes_through_git_review_and_the_checks_to_its_page(
    admin: Page, repository: Path, editing: str
) -> None:
    admin.goto(editing + "admin/#/collections/ke-hoach-2026/new")
    type_into(admin, "Tên cơ quan ban hành", "Ủy ban nhân dân xã An Bình")
    choose(admin, "Cấp", "Xã", "Xã, phường")
    type_into(admin, "Tỉnh, thành phố", "Thái Nguyên")
    choose(admin, "Căn cứ", "57", "57-NQ/TW")
    choose(admin, "Ngày kỷ niệm được hưởng ứng", "Sáng tạo", "Ngày Sáng tạo và Đổi mới sáng tạo thế giới")
    choose(admin, "Khẩu hiệu", "chào mừng", "Nhiệt liệt chào mừng Ngày Sáng tạo và Đổi mới sáng tạo thế giới - 21/4/2026")
    type_into(admin, "Ngày bắt đầu", "15/4/2026")
    type_into(admin, "Ngày kết thúc", "31/4/2026")
    admin.get_by_role("button", name="Thêm hạn báo cáo").click()
    type_into(admin, "Ngày hạn", "10/5/2026")
    choose(admin, "Cách văn bản ghi hạn", "trước", "trước ngày")
    type_into(admin, "Đơn vị báo cáo", "Các thôn")
    type_into(admin, "Báo cáo cho", "UBND xã An Bình")

    save(admin)  # refused in the form: April has no 31st, and nothing reaches git
    expect(admin.get_by_text(re.compile("phải là ngày có thật", re.IGNORECASE)).first).to_be_visible()
    assert "cms/" not in git(repository, "branch", "--list")

    type_into(admin, "Ngày kết thúc", "30/4/2026")
    save(admin)
    branch = f"cms/ke-hoach-2026/{NEW_PLAN}"
    _wait_until(admin, lambda: last_commit(repository, branch) == f"Thêm kế hoạch “{NEW_PLAN}”")
    path = f"campaigns/2026/plans/{NEW_PLAN}.yaml"
    assert git(repository, "diff", "--name-only", "main", branch).split() == [path]
    assert not git(repository, "ls-tree", "main", "--", path)  # a draft waits on its branch

    admin.get_by_role("button", name=re.compile("^Trạng thái")).click()
    admin.get_by_role("menuitem", name="Sẵn sàng").click()
    expect(admin.get_by_role("button", name="Trạng thái: Sẵn sàng")).to_be_visible(timeout=60_000)  # saved as ready
    _wait_until(admin, lambda: git(repository, "config", f"branch.{branch}.description").strip() == "decap-cms/pending_publish")
    admin.get_by_role("button", name="Công bố", exact=True).click()
    admin.get_by_role("menuitem", name="Công bố ngay").click()
    _wait_until(admin, lambda: branch not in git(repository, "branch", "--list") and bool(git(repository, "ls-tree", "main", "--", path)))
    _wait_until(admin, lambda: git(repository, "branch", "--show-current").strip() == "main")  # the back end is done

    plan = Plan.model_validate(yaml.safe_load((repository / path).read_text(encoding="utf-8")))
    assert plan.issuer.name == "Ủy ban nhân dân xã An Bình" and plan.issuer.level == "commune"
    assert plan.legal_basis == ["nq-57-tw-2024"] and plan.slogans == ["chao-mung-ngay-sang-tao-2026"]
    assert plan.window is not None and (plan.window.start.isoformat(), plan.window.end.isoformat()) == ("2026-04-15", "2026-04-30")
    deadline = plan.report_deadlines[0] if isinstance(plan.report_deadlines, list) else None
    assert deadline is not None and deadline.rule == "before" and deadline.date.isoformat() == "2026-05-10"
    check = subprocess.run([sys.executable, "scripts/check_campaigns.py"], cwd=repository, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr + check.stdout
    page = wait_for_text(editing + f"2026/ke-hoach/{NEW_PLAN}/", "An Bình", seconds=120)
    assert "57-NQ/TW" in page and "30/4/2026" in page


def test_a_shipped_plan_edited_in_the_form_keeps_every_other_value(admin: Page, repository: Path, editing: str) -> None:
    name = "so-khcn-thanh-hoa"
    before = yaml.safe_load((repository / f"campaigns/2025/plans/{name}.yaml").read_text(encoding="utf-8"))
    admin.goto(editing + f"admin/#/collections/ke-hoach-2025/entries/{name}")
    type_into(admin, "Địa danh", "Thanh Hóa")
    save(admin)
    branch = f"cms/ke-hoach-2025/{name}"
    _wait_until(admin, lambda: last_commit(repository, branch) == f"Sửa kế hoạch “{name}”")
    after = yaml.safe_load(git(repository, "show", f"{branch}:campaigns/2025/plans/{name}.yaml"))
    assert after.pop("place") == "Thanh Hóa" and before.pop("place") == "Thanh Hoá"
    assert Plan.model_validate(after).model_dump() == Plan.model_validate(before).model_dump()


def last_commit(project: Path, branch: str) -> str:
    """The message of the branch's last commit; empty while the branch is not there."""
    found = subprocess.run(["git", "log", "-1", "--format=%s", branch, "--"], cwd=project, capture_output=True, text=True)
    return found.stdout.strip()


def _wait_until(page: Page, condition: Callable[[], bool], seconds: float = 120) -> None:
    """Poll the repository while the page goes on: waiting through the page (not `time.sleep`) lets Playwright
    pass the page's requests on (the guard routes every one of them) while the test waits."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the editor's change never reached the repository"
        page.wait_for_timeout(300)
