"""The demo calendar's tables: the events of the sample talk (2015) and trend briefing (2016) as they
list them (real, public events: names, dates, places and web sites), and which of a forum's people
were at which (by their place in the forum's registry).

SAMPLE_EVENTS: (key, name ja, name en, body code, kind code, dates, city ja, city en, country, IANA
zone, web site, parent key); dates are (first day, last day), ("month", year, month) or ("tbd", year).
PRESENCE: (event key, index of a person in the forum's registry, role).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date

# Tables read best one row a line.
# fmt: off
SAMPLE_EVENTS: list[tuple[Any, ...]] = [
    ('iana-announcement', '米国「IANA機能」監督権移譲を表明', 'US announces the IANA stewardship transition', 'ntia', 'milestone', (D(2014, 3, 14), D(2014, 3, 14)), 'ワシントンD.C.', 'Washington, D.C.', 'US', 'America/New_York', 'https://www.ntia.gov/', ''),
    ('netmundial-2014', 'NETmundial会議', 'NETmundial', 'netmundial', 'summit', (D(2014, 4, 23), D(2014, 4, 24)), 'サンパウロ', 'São Paulo', 'BR', 'America/Sao_Paulo', 'https://netmundial.br/', ''),
    ('wsis10-hle', 'WSIS+10 ハイレベル・イベント', 'WSIS+10 High-Level Event', 'wsis', 'meeting', (D(2014, 6, 10), D(2014, 6, 13)), 'ジュネーブ', 'Geneva', 'CH', 'Europe/Zurich', 'https://www.itu.int/net/wsis/', ''),
    ('aprigf-2014', 'APrIGF 2014', 'APrIGF 2014', 'aprigf', 'meeting', (D(2014, 8, 3), D(2014, 8, 5)), 'ニューデリー', 'New Delhi', 'IN', 'Asia/Kolkata', 'https://aprigf.asia/', ''),
    ('igf-2014', 'IGF 2014 (第9回)', 'IGF 2014 (9th IGF)', 'igf', 'meeting', (D(2014, 9, 2), D(2014, 9, 5)), 'イスタンブール', 'Istanbul', 'TR', 'Europe/Istanbul', 'https://www.intgovforum.org/', ''),
    ('itu-pp14', 'ITU全権委員会議 (PP-14)', 'ITU Plenipotentiary Conference (PP-14)', 'itu', 'summit', (D(2014, 10, 20), D(2014, 11, 7)), '釜山', 'Busan', 'KR', 'Asia/Seoul', 'https://www.itu.int/', ''),
    ('wic-2014', '第1回 世界インターネット大会 烏鎮サミット', '1st World Internet Conference, Wuzhen Summit', 'wic', 'summit', (D(2014, 11, 19), D(2014, 11, 21)), '烏鎮', 'Wuzhen', 'CN', 'Asia/Shanghai', 'https://www.wicinternet.org/', ''),
    ('wic-2014-day1', '1日目: New Internet Media、開会式、Information Economy Forum ほか', 'Day 1: New Internet Media, Opening Ceremony, Information Economy Forum …', 'wic', 'meeting', (D(2014, 11, 19), D(2014, 11, 19)), '烏鎮', 'Wuzhen', 'CN', 'Asia/Shanghai', '', 'wic-2014'),
    ('wic-2014-day2', '2日目: Cross-border E-commerce、Security and Cooperation in Cyberspace ほか', 'Day 2: Cross-border E-commerce, Security and Cooperation in Cyberspace …', 'wic', 'meeting', (D(2014, 11, 20), D(2014, 11, 20)), '烏鎮', 'Wuzhen', 'CN', 'Asia/Shanghai', '', 'wic-2014'),
    ('wic-2014-day3', '3日目: 非公開会合、Global Internet Governance Forum、閉会式', 'Day 3: Closed Door Session, Global Internet Governance Forum, Closing Ceremony', 'wic', 'meeting', (D(2014, 11, 21), D(2014, 11, 21)), '烏鎮', 'Wuzhen', 'CN', 'Asia/Shanghai', '', 'wic-2014'),
    ('cyberspace-summit-2014', 'サイバースペース協力サミット', 'Cyberspace Cooperation Summit', '', 'summit', ('month', 2014, 12), 'ベルリン', 'Berlin', 'DE', 'Europe/Berlin', '', ''),
    ('icann52', 'ICANN52', 'ICANN52', 'icann', 'meeting', (D(2015, 2, 8), D(2015, 2, 12)), 'シンガポール', 'Singapore', 'SG', 'Asia/Singapore', 'https://www.icann.org/', ''),
    ('unesco-dots', 'UNESCO「Connecting the Dots」', 'UNESCO “Connecting the Dots”', 'unesco', 'meeting', (D(2015, 3, 3), D(2015, 3, 4)), 'パリ', 'Paris', 'FR', 'Europe/Paris', 'https://www.unesco.org/', ''),
    ('gccs-2015', 'サイバー空間に関する国際会議 2015', 'Global Conference on CyberSpace 2015', '', 'summit', (D(2015, 4, 16), D(2015, 4, 17)), 'ハーグ', 'The Hague', 'NL', 'Europe/Amsterdam', '', ''),
    ('wsis-forum-2015', 'WSISフォーラム 2015', 'WSIS Forum 2015', 'wsis', 'meeting', (D(2015, 5, 25), D(2015, 5, 29)), 'ジュネーブ', 'Geneva', 'CH', 'Europe/Zurich', 'https://www.itu.int/net/wsis/', ''),
    ('netmundial-initiative', 'NETmundial Initiative', 'NETmundial Initiative', 'netmundial', 'meeting', ('tbd', 2015), '', '', '', 'UTC', '', ''),
    ('icann53', 'ICANN53', 'ICANN53', 'icann', 'meeting', (D(2015, 6, 21), D(2015, 6, 25)), 'ブエノスアイレス', 'Buenos Aires', 'AR', 'America/Argentina/Buenos_Aires', 'https://www.icann.org/', ''),
    ('iana-deadline', 'IANA監督権移管の期限', 'IANA stewardship transition deadline', 'ntia', 'deadline', ('month', 2015, 9), '', '', '', 'America/New_York', 'https://www.ntia.gov/', ''),
    ('icann54', 'ICANN54', 'ICANN54', 'icann', 'meeting', (D(2015, 10, 18), D(2015, 10, 22)), 'ダブリン', 'Dublin', 'IE', 'Europe/Dublin', 'https://www.icann.org/', ''),
    ('cyber3-2015', 'CYBER3 Conference', 'CYBER3 Conference', '', 'meeting', (D(2015, 11, 7), D(2015, 11, 8)), '沖縄', 'Okinawa', 'JP', 'Asia/Tokyo', '', ''),
    ('igf-2015', 'IGF 2015 (第10回)', 'IGF 2015 (10th IGF)', 'igf', 'meeting', (D(2015, 11, 10), D(2015, 11, 13)), 'ジョアンペソア', 'João Pessoa', 'BR', 'America/Fortaleza', 'https://www.intgovforum.org/', ''),
    ('wic-2015', '第2回 世界インターネット大会', '2nd World Internet Conference', 'wic', 'summit', (D(2015, 12, 16), D(2015, 12, 18)), '烏鎮', 'Wuzhen', 'CN', 'Asia/Shanghai', 'https://www.wicinternet.org/', ''),
    ('wsis10-review', '国連総会 WSIS+10 レビュー(IGFの延長などを審議・決定)', "UN General Assembly WSIS+10 review (the IGF's mandate)", 'un-ga', 'meeting', ('month', 2015, 12), 'ニューヨーク', 'New York', 'US', 'America/New_York', 'https://www.un.org/en/ga/', ''),
    ('un-gge-2016', '国連政府専門家会合(GGE)', 'UN Group of Governmental Experts (GGE)', 'un-gge', 'meeting', (D(2016, 8, 28), D(2016, 9, 2)), 'ニューヨーク', 'New York', 'US', 'America/New_York', 'https://disarmament.unoda.org/ict-security/', ''),
    ('itu-cwg-internet', 'ITU CWG-Internet 第3回オープン協議', 'ITU CWG-Internet, 3rd open consultation meeting', 'itu', 'meeting', (D(2016, 10, 11), D(2016, 10, 11)), 'ジュネーブ', 'Geneva', 'CH', 'Europe/Zurich', 'https://www.itu.int/en/council/cwg-internet/', ''),
    ('itu-cwg-wsis-29', 'ITU CWG-WSIS 第29回会合', 'ITU CWG-WSIS, 29th meeting', 'itu', 'meeting', (D(2016, 10, 12), D(2016, 10, 13)), 'ジュネーブ', 'Geneva', 'CH', 'Europe/Zurich', 'https://www.itu.int/', ''),
    ('wtsa-16', 'WTSA-16', 'WTSA-16', 'itu', 'meeting', (D(2016, 10, 25), D(2016, 11, 3)), 'ハマメット', 'Hammamet', 'TN', 'Africa/Tunis', 'http://www.itu.int/en/ITU-T/wtsa16/Pages/default.aspx', ''),
    ('insig-2016', 'India School of Internet Governance (inSIG)', 'India School of Internet Governance (inSIG)', '', 'workshop', (D(2016, 10, 31), D(2016, 11, 2)), 'ハイデラバード', 'Hyderabad', 'IN', 'Asia/Kolkata', 'http://isig.in/', ''),
    ('ccwg-acct-2016', 'ICANN説明責任強化 CCWG-ACCT会議', 'ICANN CCWG-Accountability meeting', 'icann', 'meeting', (D(2016, 11, 2), D(2016, 11, 2)), 'ハイデラバード', 'Hyderabad', 'IN', 'Asia/Kolkata', 'https://community.icann.org/', ''),
    ('icann57', 'ICANN57', 'ICANN57', 'icann', 'meeting', (D(2016, 11, 3), D(2016, 11, 9)), 'ハイデラバード', 'Hyderabad', 'IN', 'Asia/Kolkata', 'https://meetings.icann.org/en/hyderabad57', ''),
    ('wic-2016', '第3回 世界インターネット大会 烏鎮サミット', '3rd World Internet Conference, Wuzhen Summit', 'wic', 'summit', (D(2016, 11, 16), D(2016, 11, 18)), '烏鎮', 'Wuzhen', 'CN', 'Asia/Shanghai', 'http://www.wuzhenwic.org/', ''),
    ('igf-2016', 'IGF 2016 (第11回)', 'IGF 2016 (11th IGF)', 'igf', 'meeting', (D(2016, 12, 5), D(2016, 12, 9)), 'グアダラハラ', 'Guadalajara', 'MX', 'America/Mexico_City', 'http://www.intgovforum.org/multilingual/', ''),
    ('igf-2016-day0', 'IGF 2016 Day 0', 'IGF 2016 Day 0', 'igf', 'meeting', (D(2016, 12, 5), D(2016, 12, 5)), 'グアダラハラ', 'Guadalajara', 'MX', 'America/Mexico_City', '', 'igf-2016'),
    ('igf-2016-main', 'IGF 2016 本会議', 'IGF 2016 main sessions', 'igf', 'meeting', (D(2016, 12, 6), D(2016, 12, 9)), 'グアダラハラ', 'Guadalajara', 'MX', 'America/Mexico_City', '', 'igf-2016'),
]

MAIN_PRESENCE = [
    ('netmundial-2014', 3, 'observer'),
    ('igf-2014', 0, 'speaker'),
    ('igf-2014', 5, 'delegate'),
    ('igf-2014', 9, 'remote'),
    ('wic-2014', 12, 'observer'),
    ('wic-2014', 13, 'observer'),
    ('icann52', 2, 'delegate'),
    ('icann54', 2, 'panellist'),
    ('igf-2015', 0, 'panellist'),
    ('igf-2015', 1, 'speaker'),
    ('igf-2015', 4, 'delegate'),
    ('igf-2015', 7, 'delegate'),
    ('igf-2015', 10, 'remote'),
    ('igf-2016', 1, 'speaker'),
    ('igf-2016', 6, 'delegate'),
    ('annual-igf', 0, 'speaker'),
    ('annual-igf', 3, 'panellist'),
    ('annual-igf', 8, 'delegate'),
]
TASKFORCE_PRESENCE = [
    ('igf-2015', 0, 'delegate'),
    ('wsis-forum-2015', 1, 'speaker'),
]
# fmt: on
