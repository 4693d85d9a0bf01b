#!/usr/bin/env python3
"""Builds examples/qingshi-2024.json: a fictional county medical security bureau (青石县医疗保障局, 2024).

The example is written for Juesuan: three units (本级 and two 二级), all 9 national tables, mutually consistent,
a prior year, budgets, 三公 details and three self-evaluations. Unit figures are the data; the department's tables
are their exact consolidation and every narrative figure is derived from them, so the example cannot contradict
itself. Re-run after a change, then write it in the canonical form of Juesuan's own JSON writer:
    python3 examples/tools/make_example.py
    dotnet run --project src/Juesuan.Cli -- import examples/qingshi-2024.json -o examples/qingshi-2024.json
"""
import json, os
from decimal import Decimal as D, ROUND_HALF_UP

def q2(x): return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)
def s(x): return str(q2(x))
def pct(a, b): return str(q2(D(a) / D(b) * 100)) if D(b) != 0 else None

FN = {"208": "社会保障和就业支出", "20805": "行政事业单位养老支出", "2080505": "机关事业单位基本养老保险缴费支出",
      "2080506": "机关事业单位职业年金缴费支出", "210": "卫生健康支出", "21011": "行政事业单位医疗",
      "2101101": "行政单位医疗", "2101102": "事业单位医疗", "2101103": "公务员医疗补助", "21015": "医疗保障管理事务",
      "2101501": "行政运行", "2101502": "一般行政管理事务", "2101506": "医疗保障经办事务", "2101550": "事业运行",
      "2101599": "其他医疗保障管理事务支出", "221": "住房保障支出", "22102": "住房改革支出", "2210201": "住房公积金"}
EC = {"301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30107": "绩效工资",
      "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
      "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费", "30113": "住房公积金", "30199": "其他工资福利支出",
      "302": "商品和服务支出", "30201": "办公费", "30205": "水费", "30206": "电费", "30207": "邮电费", "30209": "物业管理费",
      "30211": "差旅费", "30213": "维修（护）费", "30215": "会议费", "30216": "培训费", "30217": "公务接待费",
      "30226": "劳务费", "30228": "工会经费", "30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用",
      "30299": "其他商品和服务支出", "303": "对个人和家庭的补助", "30305": "生活补助", "310": "资本性支出",
      "31002": "办公设备购置"}

# Per unit, per 项: (basic gpb, project gpb, project other-income, income gpb attributed to the 项)
UNITS = [
  {"name": "青石县医疗保障局（本级）", "code": "118001", "kind": "headquarters", "nature": "行政单位",
   "items": {"2080505": (12.40, 0, 0), "2080506": (4.96, 0, 0), "2101101": (6.20, 0, 0), "2101103": (2.10, 0, 0),
             "2101501": (150.30, 0, 0), "2101502": (0, 25.00, 0), "2210201": (9.30, 0, 0)},
   "income_adjust": {}, "opening": 0, "closing": 0, "other_income": 0,
   "econ": {"30101": 45.60, "30102": 52.30, "30103": 8.20, "30107": 18.50, "30108": 12.40, "30109": 4.96, "30110": 6.20,
            "30111": 2.10, "30112": 0.85, "30113": 9.30, "30199": 1.20, "30305": 1.50,
            "30201": 4.20, "30205": 0.35, "30206": 1.80, "30207": 1.10, "30211": 3.40, "30213": 1.00, "30215": 1.20,
            "30216": 0.80, "30217": 0.45, "30228": 2.30, "30229": 1.50, "30231": 1.85, "30239": 2.20},
   "three_public": {"budget": (0, 0, 2.20, 0.60), "actual": (0, 0, 1.85, 0.45)}},
  {"name": "青石县医疗保险经办中心", "code": "118002", "kind": "subordinate", "nature": "事业单位",
   "items": {"2080505": (8.60, 0, 0), "2080506": (3.44, 0, 0), "2101102": (4.30, 0, 0), "2101506": (0, 58.00, 2.00),
             "2101550": (98.70, 0, 0), "2210201": (6.45, 0, 0)},
   # 5.00 of 2101506's spending came from the opening fiscal balance, so its 2024 fiscal income is 5.00 less.
   "income_adjust": {"2101506": -5.00}, "opening": 5.00, "closing": 0, "other_income": 2.00,
   "econ": {"30101": 30.20, "30102": 12.10, "30103": 4.50, "30107": 28.40, "30108": 8.60, "30109": 3.44, "30110": 4.30,
            "30112": 0.55, "30113": 6.45, "30199": 0.80,
            "30201": 3.60, "30206": 2.40, "30207": 1.30, "30209": 4.20, "30211": 2.10, "30213": 1.50, "30226": 2.80,
            "30228": 1.35, "30229": 0.90, "30239": 1.00, "31002": 1.00},
   "three_public": None},
  {"name": "青石县医疗保障服务中心", "code": "118003", "kind": "subordinate", "nature": "事业单位",
   "items": {"2080505": (5.20, 0, 0), "2080506": (2.08, 0, 0), "2101102": (2.60, 0, 0), "2101550": (61.40, 0, 0),
             "2101599": (0, 18.00, 0), "2210201": (3.90, 0, 0)},
   # 2.00 of 2101599's 2024 appropriation is carried forward to 2025.
   "income_adjust": {"2101599": 2.00}, "opening": 0, "closing": 2.00, "other_income": 0,
   "econ": {"30101": 18.40, "30102": 7.60, "30103": 2.90, "30107": 17.80, "30108": 5.20, "30109": 2.08, "30110": 2.60,
            "30112": 0.30, "30113": 3.90, "30199": 0.40,
            "30201": 2.50, "30206": 1.60, "30207": 0.90, "30209": 3.00, "30211": 1.40, "30213": 0.80, "30228": 0.90,
            "30229": 0.60, "30239": 0.80, "30299": 1.50},
   "three_public": None},
]
CLASS_ORDER = ["201","202","203","204","205","206","207","208","210","211","212","213","214","215","216","217","219","220","221","222","223","224","229","231","232","234"]
CLASS_NAMES = ["一般公共服务支出","外交支出","国防支出","公共安全支出","教育支出","科学技术支出","文化旅游体育与传媒支出","社会保障和就业支出","卫生健康支出","节能环保支出","城乡社区支出","农林水支出","交通运输支出","资源勘探工业信息等支出","商业服务业等支出","金融支出","援助其他地区支出","自然资源海洋气象等支出","住房保障支出","粮油物资储备支出","国有资本经营预算支出","灾害防治及应急管理支出","其他支出","债务还本支出","债务付息支出","抗疫特别国债安排的支出"]
CN = ["一","二","三","四","五","六","七","八","九","十","十一","十二","十三","十四","十五","十六","十七","十八","十九","二十","二十一","二十二","二十三","二十四","二十五","二十六"]

def cell(col, v): return {"column": col, "value": s(v)}
def hier(values):
    """values: {item code: {col: D}} -> rows for 类/款/项 with sums, in code order, preceded by 合计."""
    out = {}
    for code, cols in values.items():
        for k in (code[:3], code[:5], code):
            agg = out.setdefault(k, {})
            for c, v in cols.items(): agg[c] = agg.get(c, D(0)) + D(v)
    cols = list(next(iter(values.values())).keys())
    total = {c: sum((D(v[c]) for v in values.values()), D(0)) for c in cols}
    rows = [{"key": "total", "label": "合计", "cells": [cell(c, total[c]) for c in cols]}]
    for k in sorted(out):
        rows.append({"key": k, "label": FN[k], "cells": [cell(c, out[k][c]) for c in cols]})
    return rows, total, out

def unit_tables(u):
    items = {c: tuple(D(str(x)) for x in v) for c, v in u["items"].items()}
    exp03 = {c: {"total": D(b)+D(p)+D(o), "basic": D(b), "project": D(p)+D(o), "paidToSuperior": 0, "operating": 0, "subsidyToAffiliates": 0} for c,(b,p,o) in items.items()}
    exp05 = {c: {"total": D(b)+D(p), "basic": D(b), "project": D(p)} for c,(b,p,o) in items.items()}
    inc02 = {}
    for c,(b,p,o) in items.items():
        fiscal = D(b)+D(p)+D(str(u["income_adjust"].get(c, 0)))
        inc02[c] = {"total": fiscal+D(o), "fiscal": fiscal, "superior": 0, "business": 0, "operating": 0, "affiliates": 0, "other": D(o)}
    r03, t03, h03 = hier(exp03); r05, t05, h05 = hier(exp05); r02, t02, h02 = hier(inc02)
    gpb_income = t02["fiscal"]; other = t02["other"]
    opening, closing = D(str(u["opening"])), D(str(u["closing"]))
    assert gpb_income + opening - closing == t05["total"], (u["name"], gpb_income, t05["total"])
    assert t02["total"] + opening - closing == t03["total"]
    # 01
    r01 = [{"key": "income.general", "label": "一、一般公共预算财政拨款收入", "line": 1, "cells": [cell("amount", gpb_income)]},
           {"key": "income.fund", "label": "二、政府性基金预算财政拨款收入", "line": 2, "cells": [cell("amount", 0)]},
           {"key": "income.soe", "label": "三、国有资本经营预算财政拨款收入", "line": 3, "cells": [cell("amount", 0)]},
           {"key": "income.superior", "label": "四、上级补助收入", "line": 4, "cells": [cell("amount", 0)]},
           {"key": "income.business", "label": "五、事业收入", "line": 5, "cells": [cell("amount", 0)]},
           {"key": "income.operating", "label": "六、经营收入", "line": 6, "cells": [cell("amount", 0)]},
           {"key": "income.affiliates", "label": "七、附属单位上缴收入", "line": 7, "cells": [cell("amount", 0)]},
           {"key": "income.other", "label": "八、其他收入", "line": 8, "cells": [cell("amount", other)]},
           {"key": "income.total", "label": "本年收入合计", "line": 27, "cells": [cell("amount", t02["total"])]},
           {"key": "income.nonFiscalBalanceUsed", "label": "使用非财政拨款结余", "line": 28, "cells": [cell("amount", 0)]},
           {"key": "income.openingBalance", "label": "年初结转和结余", "line": 29, "cells": [cell("amount", opening)]},
           {"key": "income.grandTotal", "label": "总计", "line": 31, "cells": [cell("amount", t02["total"] + opening)]}]
    for i, c in enumerate(CLASS_ORDER):
        r01.append({"key": c, "label": f"{CN[i]}、{CLASS_NAMES[i]}", "line": 32 + i, "cells": [cell("amount", h03.get(c, {}).get("total", 0))]})
    r01 += [{"key": "expense.total", "label": "本年支出合计", "line": 58, "cells": [cell("amount", t03["total"])]},
            {"key": "expense.balanceDistribution", "label": "结余分配", "line": 59, "cells": [cell("amount", 0)]},
            {"key": "expense.closingBalance", "label": "年末结转和结余", "line": 60, "cells": [cell("amount", closing)]},
            {"key": "expense.grandTotal", "label": "总计", "line": 62, "cells": [cell("amount", t03["total"] + closing)]}]
    # 04
    r04 = [{"key": "income.general", "label": "一、一般公共预算财政拨款", "line": 1, "cells": [cell("amount", gpb_income)]},
           {"key": "income.fund", "label": "二、政府性基金预算财政拨款", "line": 2, "cells": [cell("amount", 0)]},
           {"key": "income.soe", "label": "三、国有资本经营预算财政拨款", "line": 3, "cells": [cell("amount", 0)]},
           {"key": "income.total", "label": "本年收入合计", "line": 27, "cells": [cell("amount", gpb_income)]},
           {"key": "income.openingBalance", "label": "年初财政拨款结转和结余", "line": 28, "cells": [cell("amount", opening)]},
           {"key": "income.openingBalance.general", "label": "一般公共预算财政拨款", "line": 29, "cells": [cell("amount", opening)]},
           {"key": "income.openingBalance.fund", "label": "政府性基金预算财政拨款", "line": 30, "cells": [cell("amount", 0)]},
           {"key": "income.openingBalance.soe", "label": "国有资本经营预算财政拨款", "line": 31, "cells": [cell("amount", 0)]},
           {"key": "income.grandTotal", "label": "总计", "line": 32, "cells": [cell("amount", gpb_income + opening)]}]
    for i, c in enumerate(CLASS_ORDER):
        v = h05.get(c, {}).get("total", 0)
        r04.append({"key": c, "label": f"{CN[i]}、{CLASS_NAMES[i]}", "line": 33 + i,
                    "cells": [cell("total", v), cell("general", v), cell("fund", 0), cell("soe", 0)]})
    r04 += [{"key": "expense.total", "label": "本年支出合计", "line": 59, "cells": [cell("total", t05["total"]), cell("general", t05["total"]), cell("fund", 0), cell("soe", 0)]},
            {"key": "expense.closingBalance", "label": "年末财政拨款结转和结余", "line": 60, "cells": [cell("total", closing), cell("general", closing), cell("fund", 0), cell("soe", 0)]},
            {"key": "expense.grandTotal", "label": "总计", "line": 64, "cells": [cell("total", t05["total"] + closing), cell("general", t05["total"] + closing), cell("fund", 0), cell("soe", 0)]}]
    # 06
    econ = {k: D(str(v)) for k, v in u["econ"].items()}
    classes = {}
    for k, v in econ.items(): classes[k[:3]] = classes.get(k[:3], D(0)) + v
    personnel = classes.get("301", D(0)) + classes.get("303", D(0))
    public = sum((v for k, v in classes.items() if k not in ("301", "303")), D(0))
    assert personnel + public == t05["basic"], (u["name"], personnel + public, t05["basic"])
    r06 = []
    for cls in sorted(classes):
        r06.append({"key": cls, "label": EC[cls], "cells": [cell("amount", classes[cls])]})
        for k in sorted(k for k in econ if k.startswith(cls)):
            r06.append({"key": k, "label": EC[k], "cells": [cell("amount", econ[k])]})
    r06 += [{"key": "personnel.total", "label": "人员经费合计", "cells": [cell("amount", personnel)]},
            {"key": "public.total", "label": "公用经费合计", "cells": [cell("amount", public)]}]
    tables = [
        {"definition": "income-expenditure-summary", "number": "公开01表", "title": "收入支出决算总表", "unit": "万元", "rows": r01},
        {"definition": "income", "number": "公开02表", "title": "收入决算表", "unit": "万元", "rows": r02},
        {"definition": "expenditure", "number": "公开03表", "title": "支出决算表", "unit": "万元", "rows": r03},
        {"definition": "fiscal-summary", "number": "公开04表", "title": "财政拨款收入支出决算总表", "unit": "万元", "rows": r04},
        {"definition": "gpb-expenditure", "number": "公开05表", "title": "一般公共预算财政拨款支出决算表", "unit": "万元", "rows": r05},
        {"definition": "gpb-basic-economic", "number": "公开06表", "title": "一般公共预算财政拨款基本支出决算表", "unit": "万元", "rows": r06},
    ]
    tp = u["three_public"] or {"budget": (0, 0, 0, 0), "actual": (0, 0, 0, 0)}
    r09 = []
    for key, label in (("budget", "预算数"), ("actual", "决算数")):
        a, vp, vo, rc = (D(str(x)) for x in tp[key])
        r09.append({"key": key, "label": label, "cells": [cell("total", a + vp + vo + rc), cell("abroad", a), cell("vehicleSubtotal", vp + vo),
                    cell("vehiclePurchase", vp), cell("vehicleOperation", vo), cell("reception", rc)]})
    tables.append({"definition": "three-public", "number": "公开09表", "title": "财政拨款“三公”经费支出决算表", "unit": "万元", "rows": r09})
    return tables, {"t02": t02, "t03": t03, "t05": t05, "h03": h03, "h05": h05, "personnel": personnel, "public": public,
                    "econ": econ, "opening": opening, "closing": closing}

def consolidate(all_tables):
    out = []
    for i, t in enumerate(all_tables[0]):
        rows, order = {}, []
        for ts in all_tables:
            for r in ts[i]["rows"]:
                if r["key"] not in rows:
                    order.append(r["key"]); rows[r["key"]] = {"key": r["key"], "label": r["label"], **({"line": r["line"]} if "line" in r else {}), "cells": {}}
                for c in r["cells"]:
                    rows[r["key"]]["cells"][c["column"]] = rows[r["key"]]["cells"].get(c["column"], D(0)) + D(c["value"])
        defn = t["definition"]
        if defn in ("income", "expenditure", "gpb-expenditure"):
            order = ["total"] + sorted(k for k in order if k != "total")
        if defn == "gpb-basic-economic":
            order = sorted(k for k in order if k[0].isdigit()) + ["personnel.total", "public.total"]
        out.append({**{k: v for k, v in t.items() if k != "rows"},
                    "rows": [{**{k: v for k, v in rows[k].items() if k != "cells"}, "cells": [cell(c, v) for c, v in rows[k]["cells"].items()]} for k in order]})
    return out

unit_results = [unit_tables(u) for u in UNITS]
dept = consolidate([r[0] for r in unit_results])
def dv(defn, row, col):
    t = next(t for t in dept if t["definition"] == defn)
    r = next(r for r in t["rows"] if r["key"] == row)
    return D(next(c["value"] for c in r["cells"] if c["column"] == col))

empty07 = {"definition": "gov-fund", "number": "公开07表", "title": "政府性基金预算财政拨款收入支出决算表", "unit": "万元",
           "rows": [{"key": "total", "label": "合计", "cells": []}],
           "emptyStatement": "本部门2024年度无政府性基金预算财政拨款收支，故本表为空表。"}
empty08 = {"definition": "soe-expenditure", "number": "公开08表", "title": "国有资本经营预算财政拨款支出决算表", "unit": "万元",
           "rows": [{"key": "total", "label": "合计", "cells": []}],
           "emptyStatement": "本部门2024年度无国有资本经营预算财政拨款支出，故本表为空表。"}
dept = dept[:6] + [empty07, empty08] + dept[6:]
for t in dept:
    t["notes"] = ["本表金额转换为万元时，因四舍五入可能存在尾差。"]

# ---- figures for the narrative -------------------------------------------------------------------------------
inc_total, gpb_inc, other_inc = dv("income-expenditure-summary", "income.total", "amount"), dv("income-expenditure-summary", "income.general", "amount"), dv("income-expenditure-summary", "income.other", "amount")
grand = dv("income-expenditure-summary", "income.grandTotal", "amount")
exp_total, basic, project = dv("expenditure", "total", "total"), dv("expenditure", "total", "basic"), dv("expenditure", "total", "project")
fiscal_grand = dv("fiscal-summary", "income.grandTotal", "amount")
gpb_exp, gpb_basic, gpb_project = dv("gpb-expenditure", "total", "total"), dv("gpb-expenditure", "total", "basic"), dv("gpb-expenditure", "total", "project")
personnel, public = dv("gpb-basic-economic", "personnel.total", "amount"), dv("gpb-basic-economic", "public.total", "amount")
tp_actual, tp_budget = dv("three-public", "actual", "total"), dv("three-public", "budget", "total")
PRIOR = {"income.grandTotal": D("468.20"), "income.fiscalGrand": D("463.70"), "gpb": D("458.30"), "basic": D("370.12"),
         "personnel": D("315.40"), "public": D("54.72"), "threePublic": D("2.65"), "operating": D("23.90")}
BUDGET = {"2080505": D("27.00"), "2080506": D("10.80"), "2101101": D("6.50"), "2101102": D("7.20"), "2101103": D("2.40"),
          "2101501": D("148.00"), "2101502": D("30.00"), "2101506": D("55.00"), "2101550": D("162.00"), "2101599": D("20.00"),
          "2210201": D("20.10")}
budget_total = sum(BUDGET.values(), D(0))

def change(cur, prior):
    diff = cur - prior
    word = "增加" if diff > 0 else "减少"
    word2 = "增长" if diff > 0 else "下降"
    return diff, word, word2, s(abs(diff)), pct(abs(diff), prior)
def key(concept, code=None, scope="all", basis="actual"):
    k = {"concept": concept, "scope": scope, "basis": basis}
    if code: k["code"] = code
    return k
def amt(x): return s(x) + "万元"

claims, sections = [], []
def section(num, title, skey, text): sections.append({"number": num, "title": title, "key": skey, "text": text})

d, w, w2, ds, dp = change(grand, PRIOR["income.grandTotal"])
t1 = f"2024年度收入总计、支出总计均为{s(grand)}万元，与上年相比，收、支总计各{w}{ds}万元，{w2}{dp}%。主要原因是医保经办服务下沉增加了经办事务支出。"
section("一", "收入支出决算总体情况说明", "overview", t1)
claims.append({"subject": key("income.grandTotal"), "section": "overview", "amount": amt(grand), "change": amt(abs(d)), "changePercent": dp,
               "changeDirection": "increase" if d > 0 else "decrease", "reason": "医保经办服务下沉增加了经办事务支出", "sentence": t1})
t2 = (f"2024年度本年收入合计{s(inc_total)}万元，其中：财政拨款收入{s(gpb_inc)}万元，占{pct(gpb_inc, inc_total)}%；"
      f"其他收入{s(other_inc)}万元，占{pct(other_inc, inc_total)}%。")
section("二", "收入决算情况说明", "income", t2)
claims += [{"subject": key("income.total"), "section": "income", "amount": amt(inc_total), "sentence": t2},
           {"subject": key("income.fiscal"), "section": "income", "amount": amt(gpb_inc), "sharePercent": pct(gpb_inc, inc_total), "shareOf": key("income.total"), "sentence": t2},
           {"subject": key("income.other"), "section": "income", "amount": amt(other_inc), "sharePercent": pct(other_inc, inc_total), "shareOf": key("income.total"), "sentence": t2}]
t3 = (f"2024年度本年支出合计{s(exp_total)}万元，其中：基本支出{s(basic)}万元，占{pct(basic, exp_total)}%；"
      f"项目支出{s(project)}万元，占{pct(project, exp_total)}%。")
section("三", "支出决算情况说明", "expenditure", t3)
claims += [{"subject": key("expense.total"), "section": "expenditure", "amount": amt(exp_total), "sentence": t3},
           {"subject": key("expense.basic"), "section": "expenditure", "amount": amt(basic), "sharePercent": pct(basic, exp_total), "shareOf": key("expense.total"), "sentence": t3},
           {"subject": key("expense.project"), "section": "expenditure", "amount": amt(project), "sharePercent": pct(project, exp_total), "shareOf": key("expense.total"), "sentence": t3}]
d, w, w2, ds, dp = change(fiscal_grand, PRIOR["income.fiscalGrand"])
t4 = f"2024年度财政拨款收入总计、支出总计均为{s(fiscal_grand)}万元，与上年相比，财政拨款收、支总计各{w}{ds}万元，{w2}{dp}%。主要原因是医保经办服务下沉增加了经办事务支出。"
section("四", "财政拨款收入支出决算总体情况说明", "fiscal", t4)
claims.append({"subject": key("income.grandTotal", scope="fiscal"), "section": "fiscal", "amount": amt(fiscal_grand), "change": amt(abs(d)), "changePercent": dp,
               "changeDirection": "increase" if d > 0 else "decrease", "reason": "医保经办服务下沉增加了经办事务支出", "sentence": t4})
d, w, w2, ds, dp = change(gpb_exp, PRIOR["gpb"])
t5a = (f"2024年度一般公共预算财政拨款支出{s(gpb_exp)}万元，占本年支出合计的{pct(gpb_exp, exp_total)}%。与上年相比，一般公共预算财政拨款支出"
       f"{w}{ds}万元，{w2}{dp}%。主要原因是医保经办服务下沉增加了经办事务支出。")
claims.append({"subject": key("expense.total", scope="gpb"), "section": "gpb", "amount": amt(gpb_exp), "sharePercent": pct(gpb_exp, exp_total), "shareOf": key("expense.total"),
               "change": amt(abs(d)), "changePercent": dp, "changeDirection": "increase" if d > 0 else "decrease", "reason": "医保经办服务下沉增加了经办事务支出", "sentence": t5a})
h05 = {}
t05 = next(t for t in dept if t["definition"] == "gpb-expenditure")
for r in t05["rows"]:
    h05[r["key"]] = D(next(c["value"] for c in r["cells"] if c["column"] == "total"))
parts = "；".join(f"{FN[c]}（类）{s(h05[c])}万元，占{pct(h05[c], gpb_exp)}%" for c in ("208", "210", "221"))
t5b = f"2024年度一般公共预算财政拨款支出{s(gpb_exp)}万元，主要用于以下方面：{parts}。"
for c in ("208", "210", "221"):
    claims.append({"subject": key("expense.total", c, "gpb"), "section": "gpb", "amount": amt(h05[c]), "sharePercent": pct(h05[c], gpb_exp), "shareOf": key("expense.total", scope="gpb"), "sentence": t5b})
t5c = [f"2024年度一般公共预算财政拨款支出年初预算为{s(budget_total)}万元，支出决算为{s(gpb_exp)}万元，完成年初预算的{pct(gpb_exp, budget_total)}%。其中："]
claims.append({"subject": key("expense.total", scope="gpb"), "section": "gpb", "amount": amt(gpb_exp), "budget": amt(budget_total), "budgetBasis": "budget",
               "completionPercent": pct(gpb_exp, budget_total), "budgetComparison": "decrease" if gpb_exp < budget_total else "increase", "sentence": t5c[0]})
REASONS = {"2101501": "人员增加导致工资福利支出增加", "2101506": "使用上年结转资金支付经办服务下沉项目",
           "default_less": "严格控制支出，部分资金未支出"}
for n, code in enumerate(sorted(BUDGET), start=1):
    actual, budget = h05[code], BUDGET[code]
    cmp_word = "大于" if actual > budget else ("小于" if actual < budget else "等于")
    reason = REASONS.get(code, REASONS["default_less"])
    sentence = (f"{n}.{FN[code[:3]]}（类）{FN[code[:5]]}（款）{FN[code]}（项）。年初预算为{s(budget)}万元，支出决算为{s(actual)}万元，"
                f"完成年初预算的{pct(actual, budget)}%。决算数{cmp_word}年初预算数的主要原因是{reason}。")
    t5c.append(sentence)
    claims.append({"subject": key("expense.total", code, "gpb"), "section": "gpb", "amount": amt(actual), "budget": amt(budget), "budgetBasis": "budget",
                   "completionPercent": pct(actual, budget), "budgetComparison": "increase" if actual > budget else ("decrease" if actual < budget else "flat"),
                   "reason": reason, "sentence": sentence})
section("五", "一般公共预算财政拨款支出决算情况说明", "gpb", "\n".join([t5a, t5b] + t5c))
econ_all = {}
for r in next(t for t in dept if t["definition"] == "gpb-basic-economic")["rows"]:
    if len(r["key"]) == 5 and r["key"].isdigit(): econ_all[r["key"]] = D(r["cells"][0]["value"])
pers_items = "、".join(EC[k] for k in sorted(econ_all) if k[:3] in ("301", "303") and econ_all[k] > 0)
pub_items = "、".join(EC[k] for k in sorted(econ_all) if k[:3] not in ("301", "303") and econ_all[k] > 0)
d, w, w2, ds, dp = change(gpb_basic, PRIOR["basic"])
dp_, wp, wp2, dsp, dpp = change(personnel, PRIOR["personnel"])
dg, wg, wg2, dsg, dpg = change(public, PRIOR["public"])
t6 = (f"2024年度一般公共预算财政拨款基本支出{s(gpb_basic)}万元，与上年相比{w}{ds}万元，{w2}{dp}%。其中：人员经费{s(personnel)}万元，"
      f"与上年相比{wp}{dsp}万元，{wp2}{dpp}%，主要包括：{pers_items}。公用经费{s(public)}万元，与上年相比{wg}{dsg}万元，{wg2}{dpg}%，"
      f"主要包括：{pub_items}。")
section("六", "一般公共预算财政拨款基本支出决算情况说明", "basic", t6)
claims += [{"subject": key("expense.basic", scope="gpb"), "section": "basic", "amount": amt(gpb_basic), "change": amt(abs(d)), "changePercent": dp, "changeDirection": "increase" if d > 0 else "decrease", "sentence": t6},
           {"subject": key("expense.personnel", scope="gpb"), "section": "basic", "amount": amt(personnel), "change": amt(abs(dp_)), "changePercent": dpp, "changeDirection": "increase" if dp_ > 0 else "decrease", "sentence": t6},
           {"subject": key("expense.public", scope="gpb"), "section": "basic", "amount": amt(public), "change": amt(abs(dg)), "changePercent": dpg, "changeDirection": "increase" if dg > 0 else "decrease", "sentence": t6}]
section("七", "政府性基金预算财政拨款支出决算情况说明", "govFund", "本部门2024年度无政府性基金预算财政拨款收支，已公开空表。")
section("八", "国有资本经营预算财政拨款支出决算情况说明", "soe", "本部门2024年度无国有资本经营预算财政拨款支出，已公开空表。")
TP_CHANGE = "公务接待批次减少"
vo, rc = dv("three-public", "actual", "vehicleOperation"), dv("three-public", "actual", "reception")
vob, rcb = dv("three-public", "budget", "vehicleOperation"), dv("three-public", "budget", "reception")
d, w, w2, ds, dp = change(tp_actual, PRIOR["threePublic"])
t9 = (f"2024年度“三公”经费财政拨款支出全年预算为{s(tp_budget)}万元，支出决算为{s(tp_actual)}万元，完成全年预算的{pct(tp_actual, tp_budget)}%。"
      f"决算数小于全年预算数的主要原因是严格执行中央八项规定精神，压减公务用车运行和接待支出。与上年相比{w}{ds}万元，{w2}{dp}%，主要原因是{TP_CHANGE}。"
      f"其中：因公出国（境）费支出决算0.00万元，全年因公出国（境）团组0个，累计0人次；公务用车购置费支出决算0.00万元，公务用车运行维护费支出决算{s(vo)}万元，"
      f"占{pct(vo, tp_actual)}%，2024年末公务用车保有量1辆；公务接待费支出决算{s(rc)}万元，占{pct(rc, tp_actual)}%，国内公务接待6批次、48人次。"
      f"2024年度会议费支出决算1.20万元，召开会议2次、参会80人次；培训费支出决算0.80万元，组织培训1次、参训40人次。")
section("九", "财政拨款“三公”经费支出决算情况说明", "threePublic", t9)
claims += [{"subject": key("threePublic.total", scope="fiscal"), "section": "threePublic", "amount": amt(tp_actual), "budget": amt(tp_budget), "budgetBasis": "fullYearBudget",
            "completionPercent": pct(tp_actual, tp_budget), "budgetComparison": "decrease", "change": amt(abs(d)), "changePercent": dp,
            "changeDirection": "increase" if d > 0 else "decrease", "reason": "严格执行中央八项规定精神，压减公务用车运行和接待支出", "sentence": t9},
           {"subject": key("threePublic.vehicleOperation", scope="fiscal"), "section": "threePublic", "amount": amt(vo), "sharePercent": pct(vo, tp_actual), "shareOf": key("threePublic.total", scope="fiscal"), "sentence": t9},
           {"subject": key("threePublic.reception", scope="fiscal"), "section": "threePublic", "amount": amt(rc), "sharePercent": pct(rc, tp_actual), "shareOf": key("threePublic.total", scope="fiscal"), "sentence": t9}]
op_actual = D(str(sum(v for k, v in UNITS[0]["econ"].items() if k[:3] not in ("301", "303"))))
op_budget = D("24.00")
d, w, w2, ds, dp = change(op_actual, PRIOR["operating"])
t10 = (f"2024年度本部门机关运行经费年初预算为{s(op_budget)}万元，支出决算为{s(op_actual)}万元，完成年初预算的{pct(op_actual, op_budget)}%。"
       f"与上年相比{w}{ds}万元，{w2}{dp}%。主要原因是压减办公和差旅开支。")
section("十", "机关运行经费支出情况说明", "operatingCosts", t10)
claims.append({"subject": key("operatingCosts", scope="gpb"), "section": "operatingCosts", "amount": amt(op_actual), "budget": amt(op_budget), "budgetBasis": "budget",
               "completionPercent": pct(op_actual, op_budget), "budgetComparison": "decrease", "change": amt(abs(d)), "changePercent": dp,
               "changeDirection": "increase" if d > 0 else "decrease", "reason": "压减办公和差旅开支", "sentence": t10})
t11 = ("2024年度政府采购支出总额18.60万元，其中：政府采购货物支出6.80万元、政府采购工程支出0.00万元、政府采购服务支出11.80万元。"
       "授予中小企业合同金额15.20万元，占政府采购支出总额的81.72%，其中：授予小微企业合同金额12.40万元，占政府采购支出总额的66.67%。")
section("十一", "政府采购支出情况说明", "procurement", t11)
t12 = ("截至2024年12月31日，本部门共有车辆2辆，其中：主要领导干部用车0辆、执法执勤用车1辆、其他用车1辆；"
       "单价100万元（含）以上设备（不含车辆）0台（套）。2024年当年购置车辆0辆；购置单价100万元以上设备0台（套）。")
section("十二", "国有资产占用情况说明", "assets", t12)

references = [
    {"key": key("income.grandTotal", basis="prior"), "amount": amt(PRIOR["income.grandTotal"])},
    {"key": key("income.grandTotal", scope="fiscal", basis="prior"), "amount": amt(PRIOR["income.fiscalGrand"])},
    {"key": key("expense.total", scope="gpb", basis="prior"), "amount": amt(PRIOR["gpb"])},
    {"key": key("expense.basic", scope="gpb", basis="prior"), "amount": amt(PRIOR["basic"])},
    {"key": key("expense.personnel", scope="gpb", basis="prior"), "amount": amt(PRIOR["personnel"])},
    {"key": key("expense.public", scope="gpb", basis="prior"), "amount": amt(PRIOR["public"])},
    {"key": key("threePublic.total", scope="fiscal", basis="prior"), "amount": amt(PRIOR["threePublic"])},
    {"key": key("operatingCosts", scope="gpb", basis="prior"), "amount": amt(PRIOR["operating"])},
    {"key": key("operatingCosts", scope="gpb", basis="budget"), "amount": amt(op_budget)},
    {"key": key("expense.total", scope="gpb", basis="budget"), "amount": amt(budget_total)},
] + [{"key": key("expense.total", code, "gpb", "budget"), "amount": amt(v)} for code, v in sorted(BUDGET.items())]

def ind(l1, l2, l3, target, actual, weight, score, reason=None):
    x = {"level1": l1, "level2": l2, "level3": l3, "target": target, "actual": actual, "weight": weight, "score": score}
    if reason: x["deviationReason"] = reason
    return x
def exec_score(a, b): return s(min(D(10), D(10) * D(b) / D(a)))
dept_a, dept_b = D("489.93"), exp_total
evaluations = [
 {"kind": "department", "name": "青石县医疗保障局", "unit": "青石县医疗保障局", "framework": "产出/效益/满意度",
  "funds": [{"source": "合计", "initialBudget": amt(budget_total), "fullYearBudget": amt(dept_a), "executed": amt(dept_b)},
            {"source": "财政拨款", "initialBudget": amt(budget_total), "fullYearBudget": amt(dept_a - 2), "executed": amt(dept_b - 2)},
            {"source": "其他资金", "initialBudget": "0.00万元", "fullYearBudget": "2.00万元", "executed": "2.00万元"}],
  "executionRatePercent": pct(dept_b, dept_a), "executionWeight": "10", "executionScore": exec_score(dept_a, dept_b),
  "plannedObjectives": "保障城乡居民基本医疗保险参保缴费，落实医保待遇，加强医保基金监管，推进医保经办服务下沉。",
  "achievedObjectives": "城乡居民参保率96.20%，医保待遇按时足额支付，开展定点医药机构检查全覆盖，经办服务下沉至全部乡镇。",
  "indicators": [ind("产出指标", "数量指标", "城乡居民基本医疗保险参保率", "≥95%", "96.20%", "15", "15"),
                 ind("产出指标", "数量指标", "定点医药机构检查覆盖率", "=100%", "100%", "10", "10"),
                 ind("产出指标", "质量指标", "医保待遇按规定支付率", "=100%", "100%", "10", "10"),
                 ind("产出指标", "时效指标", "医保结算办结时限", "≤20个工作日", "22个工作日", "10", "9",
                     "年末集中结算量大，部分结算超过时限；下年度增加经办人员并推行线上结算。"),
                 ind("产出指标", "成本指标", "部门整体支出控制在预算内", "≤489.93万元", "484.93万元", "5", "5"),
                 ind("效益指标", "社会效益指标", "参保群众就医负担", "明显减轻", "明显减轻", "15", "15"),
                 ind("效益指标", "可持续影响指标", "医保基金运行平稳", "平稳", "平稳", "15", "15"),
                 ind("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "83%", "10", "9.22",
                     "部分群众对异地就医备案流程不满意；下年度简化备案手续。")],
  "totalWeight": "100", "grade": "优",
  "conclusion": "全年较好完成各项医保工作任务，部门整体支出绩效良好。",
  "problems": "年末集中结算导致办结超时；群众对异地就医备案流程的满意度不高。",
  "measures": "推行线上结算，简化异地就医备案手续。"},
 {"kind": "project", "name": "医疗保障经办事务", "unit": "青石县医疗保险经办中心", "functionCode": "2101506", "framework": "产出/效益/满意度",
  "funds": [{"source": "合计", "initialBudget": "55.00万元", "fullYearBudget": "62.00万元", "executed": "60.00万元"},
            {"source": "财政拨款", "initialBudget": "55.00万元", "fullYearBudget": "60.00万元", "executed": "58.00万元"},
            {"source": "其他资金", "initialBudget": "0.00万元", "fullYearBudget": "2.00万元", "executed": "2.00万元"}],
  "executionRatePercent": pct(60, 62), "executionWeight": "10", "executionScore": exec_score(62, 60),
  "plannedObjectives": "经办服务下沉至全部12个乡镇，医保业务线上办理率达到80%。",
  "achievedObjectives": "经办服务下沉至12个乡镇，医保业务线上办理率85%。",
  "indicators": [ind("产出指标", "数量指标", "下沉经办服务的乡镇数", "≥12个", "12个", "20", "20"),
                 ind("产出指标", "质量指标", "医保业务线上办理率", "≥80%", "85%", "15", "15"),
                 ind("产出指标", "时效指标", "项目完成时间", "2024年12月底前", "2024年12月", "15", "15"),
                 ind("效益指标", "社会效益指标", "群众办事跑腿次数", "明显减少", "明显减少", "30", "30"),
                 ind("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", "10", "10")],
  "totalWeight": "100", "grade": "优", "conclusion": "项目按计划完成。", "problems": "部分乡镇经办人员业务不熟。", "measures": "加强乡镇经办人员培训。"},
 {"kind": "project", "name": "一般行政管理事务", "unit": "青石县医疗保障局（本级）", "functionCode": "2101502", "framework": "产出/效益/满意度",
  "funds": [{"source": "合计", "initialBudget": "30.00万元", "fullYearBudget": "30.00万元", "executed": "25.00万元"}],
  "executionRatePercent": pct(25, 30), "executionWeight": "10", "executionScore": exec_score(30, 25),
  "plannedObjectives": "开展医保政策宣传20场，完成医保基金监管专项检查。",
  "achievedObjectives": "开展医保政策宣传16场，完成医保基金监管专项检查。",
  "indicators": [ind("产出指标", "数量指标", "医保政策宣传场次", "≥20场", "16场", "20", "16", "部分宣传活动因天气取消；下年度提前安排。"),
                 ind("产出指标", "质量指标", "专项检查覆盖率", "=100%", "90%", "15", "13.5", "2家定点机构停业，未能检查；下年度复业后补查。"),
                 ind("产出指标", "时效指标", "专项检查完成时间", "2024年11月底前", "2024年11月", "15", "15"),
                 ind("效益指标", "社会效益指标", "医保政策知晓率", "≥85%", "80%", "30", "28.24", "农村老年群体知晓率偏低；下年度开展入户宣传。"),
                 ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "72%", "10", "8",
                     "宣传覆盖不足，群众满意度未达目标；下年度扩大宣传覆盖面。")],
  "totalWeight": "100", "grade": "良", "conclusion": "项目基本完成。", "problems": "宣传场次未达目标。", "measures": "提前安排宣传计划。"},
]
for e in evaluations:
    total = D(e["executionScore"]) + sum(D(i["score"]) for i in e["indicators"])
    e["totalScore"] = s(total)
    assert D(e["executionWeight"]) + sum(D(i["weight"]) for i in e["indicators"]) == 100
    assert e["grade"] == ("优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"), (e["name"], total)
evaluated = sum(D(e["funds"][0]["executed"][:-2]) for e in evaluations if e["kind"] == "project")
t13 = (f"本部门组织对2024年度项目支出开展绩效自评，共涉及项目2个，资金{s(evaluated)}万元，占项目支出总额的{pct(evaluated, project)}%。"
       + "；".join(f"{'部门整体支出' if e['kind'] == 'department' else e['name'] + '项目'}绩效自评得分{e['totalScore']}分，等级为{e['grade']}" for e in evaluations) + "。")
section("十三", "预算绩效情况说明", "performance", t13)

# The reasons the preparer gives (原因说明); a generated narrative quotes them. Each claim that gives a reason names
# its subject; the wording says whether it explains the deviation from the budget or the change.
explanations = []
for c in claims:
    if c.get("reason"):
        topic = "budget" if "预算数的主要原因是" + c["reason"] in c["sentence"] else "change"
        explanations.append({"subject": {k: v for k, v in c["subject"].items() if k != "basis"}, "topic": topic, "text": c["reason"]})
explanations.append({"subject": {"concept": "threePublic.total", "scope": "fiscal"}, "topic": "change", "text": TP_CHANGE})
FUNCTIONS = ("贯彻落实党中央、国务院和省委、省政府、市委、市政府关于医疗保障工作的方针政策和决策部署，在落实县委、县政府工作要求中坚持和加强党对医疗保障工作的集中统一领导。"
             "主要职责：拟订全县医疗保险、生育保险、医疗救助等医疗保障制度的政策措施并组织实施；组织实施医疗保障基金监督管理办法，建立健全医疗保障基金安全防控机制；"
             "组织实施医疗服务价格和药品、医用耗材招标采购政策；推进医疗保障公共服务体系建设，管理县级医疗保障经办机构。")

doc = {
 "$schema": "https://juesuan.example/schema/department-year.v1.json", "schemaVersion": 1,
 "department": {"name": "青石县医疗保障局", "code": "118", "province": "河南省", "region": "青石县（虚构）",
                "functions": FUNCTIONS},
 "year": 2024, "templateId": "national-2022",
 "units": [{"name": u["name"], "code": u["code"], "kind": u["kind"], "nature": u["nature"], "tables": r[0]} for u, r in zip(UNITS, unit_results)],
 "tables": dept,
 "narrative": {"sections": sections, "claims": claims, "unattachedFigures": []},
 "references": references,
 "threePublic": {"abroadGroups": 0, "abroadPersons": 0, "vehiclesPurchased": 0, "vehiclesHeld": 1, "domesticReceptionBatches": 6,
                 "domesticReceptionPersons": 48, "foreignReceptionBatches": 0, "foreignReceptionPersons": 0,
                 "meetingBudget": "1.50万元", "meeting": "1.20万元", "meetings": 2, "meetingPersons": 80,
                 "trainingBudget": "1.00万元", "training": "0.80万元", "trainings": 1, "trainingPersons": 40},
 "operatingCosts": {"budget": amt(op_budget), "actual": amt(op_actual), "prior": amt(PRIOR["operating"])},
 "procurement": {"total": "18.60万元", "goods": "6.80万元", "works": "0.00万元", "services": "11.80万元", "smeContracts": "15.20万元", "smallMicroContracts": "12.40万元"},
 "assets": {"vehicles": 2, "vehiclesByKind": {"主要领导干部用车": 0, "执法执勤用车": 1, "其他用车": 1}, "largeEquipment": 0,
            "vehiclesPurchasedThisYear": 0, "largeEquipmentPurchasedThisYear": 0},
 "staffing": {"authorized": 38, "authorizedAdministrative": 12, "authorizedInstitutional": 26, "actual": 36, "retired": 9},
 "explanations": explanations,
 "evaluations": evaluations,
 "sources": ["Juesuan 示例数据（虚构）"],
}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "qingshi-2024.json"), "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2); f.write("\n")
print("written; totals:", inc_total, exp_total, grand, gpb_exp, gpb_basic, personnel, public, budget_total)
