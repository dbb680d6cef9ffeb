"""The note that gives a name its short form, shared by the recognizers:
开展…提升行动（以下简称“提升行动”）, 玉溪市红塔区康乐居家养老服务中心（以下简称康乐中心）,
襄阳市民政局（以下简称“市民政局”）副局长…; group 1 is the short name. It may
start after the closing quote of a quoted name (“…”（以下简称…）)."""
from __future__ import annotations

import re

SHORT_NAME_NOTE = re.compile(r"[”\"」』]?[（(](?:以下)?(?:简称|称)[“\"「]?([^“”\"「」（）()，。；、\n]{1,15})[”\"」]?[）)]")
