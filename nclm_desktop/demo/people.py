"""Synthetic identities for the demo study: Chinese names, Shanghai record numbers, phones
and addresses. All made up from a seeded random generator; none belongs to a real person."""

from __future__ import annotations

import datetime as dt
import random

# Common Han surnames, roughly by frequency (the first ones are drawn most often).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林阳建国志文博海峰斌亮成东"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲桂英红梅琳燕萍雪莉婷慧颖倩洁晶琴云兰凤玉珍丹萍佳雯欣怡"
# fmt: off
MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "176", "177", "180", "181", "182", "183",
    "185", "186", "187", "188", "189", "199",
)
SHANGHAI_DISTRICTS = (
    "浦东新区", "徐汇区", "黄浦区", "静安区", "长宁区", "普陀区", "虹口区", "杨浦区",
    "闵行区", "宝山区", "嘉定区", "松江区", "青浦区", "奉贤区", "金山区", "崇明区",
)
ROADS = (
    "东安路", "零陵路", "斜土路", "龙华西路", "天钥桥路", "漕溪北路", "肇嘉浜路", "南京西路",
    "淮海中路", "四川北路", "长寿路", "武宁路", "曹杨路", "国权路", "控江路", "张杨路",
    "世纪大道", "锦绣路", "莲花路", "沪闵路", "共和新路", "塘桥路", "虹桥路", "古北路",
    "平型关路", "江湾路", "嘉松北路", "人民北路", "百花街", "解放路",
)
# fmt: on
# NPC is endemic in southern China: many patients travel to Shanghai from there.
OTHER_PLACES = (
    "广东省广州市越秀区",
    "广东省中山市石岐区",
    "广东省佛山市禅城区",
    "广东省肇庆市端州区",
    "广西壮族自治区南宁市青秀区",
    "广西壮族自治区梧州市万秀区",
    "福建省福州市鼓楼区",
    "浙江省杭州市西湖区",
    "江苏省苏州市姑苏区",
    "安徽省合肥市蜀山区",
    "江西省南昌市东湖区",
    "湖南省长沙市岳麓区",
)


def person_name(rng: random.Random, sex: str) -> str:
    # Weight the surname pool so the first (most common) names come up far more often.
    surname = SURNAMES[min(int(rng.expovariate(1 / 18)), len(SURNAMES) - 1)]
    pool = GIVEN_MALE if sex == "M" else GIVEN_FEMALE
    given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
    return surname + given


def mobile_phone(rng: random.Random) -> str:
    number = f"{rng.randrange(10**8):08d}"
    return f"{rng.choice(MOBILE_PREFIXES)} {number[:4]} {number[4:]}"


def address(rng: random.Random) -> str:
    place = (
        f"上海市{rng.choice(SHANGHAI_DISTRICTS)}"
        if rng.random() < 0.7
        else rng.choice(OTHER_PLACES)
    )
    street = f"{rng.choice(ROADS)}{rng.randint(1, 1800)}弄{rng.randint(1, 60)}号"
    return f"{place}{street}{rng.randint(1, 28)}{rng.randint(1, 6):02d}室"


class RecordNumbers:
    """Unique inpatient record numbers: two digits of the year of the first admission and
    six digits, in the style of a Shanghai hospital's 住院号 (made up)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def issue(self, rng: random.Random, first_seen: dt.date) -> str:
        while True:
            number = f"{first_seen.year % 100:02d}{rng.randrange(10**6):06d}"
            if number not in self._used:
                self._used.add(number)
                return number
