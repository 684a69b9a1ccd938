"""Invented demo community: no real people or organisations (checked against the samples in the tests).

ORGANIZATIONS: (key, name ja, name en, abbreviation, stakeholder group code, kind code, country, web domain).
PEOPLE: (key, family ja, given ja, family kana, given kana, family Latin, given Latin, gender, pronouns).
CAREERS: (person key, organisation key, department ja, department en, title ja, title en, from, until, main?);
    dates are ISO strings, "" when open or not known.
FAMILY and GIVEN are combined for the rest of the community; DEPARTMENTS and TITLES by organisation kind,
MOVES by stakeholder group (where people from that group tend to go next).
"""

# Tables read best one row a line.
# fmt: off
ORGANIZATIONS = [
    ('mdc', 'デジタル通信省', 'Ministry of Digital Communications', 'MDC', 'government', 'ministry', 'JP', 'mdc.example.jp'),
    ('nisa', '国家情報セキュリティ庁', 'National Information Security Agency', 'NISA', 'government', 'ministry', 'JP', 'nisa.example.jp'),
    ('mfp', '外交政策省', 'Ministry of Foreign Policy', 'MFP', 'government', 'ministry', 'JP', 'mfp.example.jp'),
    ('mep', '経済振興省', 'Ministry of Economic Promotion', 'MEP', 'government', 'ministry', 'JP', 'mep.example.jp'),
    ('toto', '東都府', 'Toto Prefectural Government', '', 'government', 'ministry', 'JP', 'pref.toto.example.jp'),
    ('sakura', 'さくらネット株式会社', 'Sakura Net Inc.', '', 'private-sector', 'company', 'JP', 'sakuranet.example.jp'),
    ('kazami', '風見テレコム株式会社', 'Kazami Telecom Corporation', 'KTC', 'private-sector', 'company', 'JP', 'kazami.example.jp'),
    ('hikari', 'ひかりクラウド株式会社', 'Hikari Cloud K.K.', '', 'private-sector', 'company', 'JP', 'hikari.example.jp'),
    ('nagare', 'ながれ決済株式会社', 'Nagare Payments Co., Ltd.', '', 'private-sector', 'company', 'JP', 'nagare.example.jp'),
    ('minami', 'みなみ電機株式会社', 'Minami Electric Corporation', '', 'private-sector', 'company', 'JP', 'minami-denki.example.jp'),
    ('kitaguni', '北国データセンター株式会社', 'Kitaguni Data Center Inc.', '', 'private-sector', 'company', 'JP', 'kitaguni.example.jp'),
    ('shirakaba', 'しらかばセキュリティ株式会社', 'Shirakaba Security Co.', '', 'private-sector', 'company', 'JP', 'shirakaba.example.jp'),
    ('aoba', '青葉法律事務所', 'Aoba Law Office', '', 'private-sector', 'company', 'JP', 'aoba-law.example.jp'),
    ('jbia', '日本ブロードバンド産業協会', 'Japan Broadband Industry Association', 'JBIA', 'private-sector', 'industry-association', 'JP', 'jbia.example.jp'),
    ('acf', 'アジア通信事業者連盟', 'Asian Carriers Federation', 'ACF', 'private-sector', 'industry-association', 'SG', 'acf.example.org'),
    ('cdrn', '市民デジタル権利ネットワーク', "Citizens' Digital Rights Network", 'CDRN', 'civil-society', 'nonprofit', 'JP', 'cdrn.example.org'),
    ('yigf', 'ユースIGFジャパン', 'Youth IGF Japan', 'YIGF-J', 'civil-society', 'nonprofit', 'JP', 'youthigf.example.org'),
    ('afa', 'アクセス・フォー・オール', 'Access for All', 'AFA', 'civil-society', 'nonprofit', 'JP', 'afa.example.org'),
    ('ncnc', '全国消費者ネット協議会', 'National Consumer Net Council', 'NCNC', 'civil-society', 'nonprofit', 'JP', 'ncnc.example.org'),
    ('pft', 'プライバシー・フォーラム東京', 'Privacy Forum Tokyo', 'PFT', 'civil-society', 'nonprofit', 'JP', 'pft.example.org'),
    ('ipog', 'インターネット政策オブザバトリー・ジュネーブ', 'Internet Policy Observatory Geneva', 'IPOG', 'civil-society', 'nonprofit', 'CH', 'ipog.example.org'),
    ('jnrc', '日本ネットワーク資源センター', 'Japan Network Resource Center', 'JNRC', 'technical-community', 'registry', 'JP', 'jnrc.example.jp'),
    ('jirt', '日本インシデント対応チーム連絡会', 'Japan Incident Response Teams Council', 'JIRT', 'technical-community', 'nonprofit', 'JP', 'jirt.example.jp'),
    ('tix', '東京インターネット交換所', 'Tokyo Internet Exchange', 'TIX', 'technical-community', 'company', 'JP', 'tix.example.jp'),
    ('dnsom', 'DNS運用者会議', 'DNS Operators Meeting', 'DNSOM', 'technical-community', 'nonprofit', 'JP', 'dnsom.example.jp'),
    ('its', 'インターネット技術協会', 'Internet Technology Society', 'ITS', 'technical-community', 'nonprofit', 'JP', 'its.example.jp'),
    ('apnof', 'アジア太平洋ネットワーク運用者会議', 'Asia-Pacific Network Operators Forum', 'APNOF', 'technical-community', 'nonprofit', 'AU', 'apnof.example.org'),
    ('totou', '東都大学', 'Toto University', '', 'academia', 'university', 'JP', 'toto-u.example.ac.jp'),
    ('hokushin', '北辰大学', 'Hokushin University', '', 'academia', 'university', 'JP', 'hokushin.example.ac.jp'),
    ('minato', 'みなと情報大学', 'Minato University of Information', '', 'academia', 'university', 'JP', 'minato-u.example.ac.jp'),
    ('naniwa', '浪速情報科学大学', 'Naniwa University of Information Science', '', 'academia', 'university', 'JP', 'naniwa-u.example.ac.jp'),
    ('ninp', '国立ネットワーク政策研究所', 'National Institute for Network Policy', 'NINP', 'academia', 'university', 'JP', 'ninp.example.jp'),
    ('itcb', '国際電気通信調整機関', 'International Telecommunication Coordination Body', 'ITCB', 'intergovernmental', 'international', 'CH', 'itcb.example.org'),
    ('oepc', '経済政策協力機構', 'Organisation for Economic Policy Cooperation', 'OEPC', 'intergovernmental', 'international', 'FR', 'oepc.example.org'),
    ('apic', 'アジア太平洋情報通信共同体', 'Asia-Pacific ICT Community', 'APIC', 'intergovernmental', 'international', 'TH', 'apic.example.org'),
    ('gdco', '世界デジタル協力事務所', 'Global Digital Cooperation Office', 'GDCO', 'intergovernmental', 'international', 'US', 'gdco.example.org'),
    ('shimbun', '日刊テック新聞', 'Daily Tech Shimbun', '', 'media', 'media-outlet', 'JP', 'techshimbun.example.jp'),
    ('netwatch', 'ネットウォッチ編集部', 'NetWatch Editorial', '', 'media', 'media-outlet', 'JP', 'netwatch.example.jp'),
    ('mirai', 'みらい放送', 'Mirai Broadcasting', '', 'media', 'media-outlet', 'JP', 'mirai-tv.example.jp'),
    ('atr', 'アジア・テック・レビュー', 'Asia Tech Review', 'ATR', 'media', 'media-outlet', 'SG', 'asiatechreview.example.com'),
    ('indie', '個人(所属なし)', 'Independent', '', 'individual', 'other', 'JP', ''),
]

# The task force keeps its own records of the bodies it works with, plus one only it knows.
TASKFORCE_ORGANIZATIONS = [
    *(row for row in ORGANIZATIONS if row[0] in {'mdc', 'jnrc', 'cdrn', 'hikari', 'totou', 'hokushin', 'itcb', 'ipog'}),
    ('ldpl', 'レマン湖デジタル政策ラボ', 'Lac Léman Digital Policy Lab', 'LDPL', 'academia', 'university', 'CH', 'ldpl.example.org'),
]

PEOPLE = [
    ('ota', '太田', '美咲', 'おおた', 'みさき', 'Ota', 'Misaki', 'female', 'she/her'),
    ('miyake', '三宅', '隆之', 'みやけ', 'たかゆき', 'Miyake', 'Takayuki', 'male', ''),
    ('ogawa', '小川', '理恵', 'おがわ', 'りえ', 'Ogawa', 'Rie', 'female', 'she/her'),
    ('inoue', '井上', '翔', 'いのうえ', 'しょう', 'Inoue', 'Sho', 'male', 'he/him'),
    ('matsuura', '松浦', '健一', 'まつうら', 'けんいち', 'Matsuura', 'Kenichi', 'male', ''),
    ('imamura', '今村', '陽子', 'いまむら', 'ようこ', 'Imamura', 'Yoko', 'female', ''),
    ('okabe', '岡部', '直人', 'おかべ', 'なおと', 'Okabe', 'Naoto', 'male', ''),
    ('shiraishi', '白石', 'かおり', 'しらいし', 'かおり', 'Shiraishi', 'Kaori', 'female', 'she/her'),
    ('naito', '内藤', '誠', 'ないとう', 'まこと', 'Naito', 'Makoto', 'male', ''),
    ('kuwabara', '桑原', '聡子', 'くわばら', 'さとこ', 'Kuwabara', 'Satoko', 'female', ''),
    ('hattori', '服部', '亮太', 'はっとり', 'りょうた', 'Hattori', 'Ryota', 'male', 'he/him'),
    ('mizuno', '水野', '晶', 'みずの', 'あきら', 'Mizuno', 'Akira', 'other', 'they/them'),
    ('sugimoto', '杉本', '浩二', 'すぎもと', 'こうじ', 'Sugimoto', 'Koji', 'male', ''),
    ('miyazaki', '宮崎', '千夏', 'みやざき', 'ちなつ', 'Miyazaki', 'Chinatsu', 'female', ''),
]

CAREERS = [
    ('ota', 'kazami', '渉外部', 'Government Affairs', '', 'Staff', '2007-04-01', '2011-03-31', True),
    ('ota', 'jnrc', '政策企画室', 'Policy Planning Office', '政策担当', 'Policy Officer', '2011-04-01', '2018-03-31', True),
    ('ota', 'jnrc', '政策企画室', 'Policy Planning Office', '室長', 'Head of Office', '2018-04-01', '', True),
    ('miyake', 'ninp', 'ネットワーク社会研究部', 'Network Society Research Division', '主任研究員', 'Senior Researcher', '2005-04-01', '2012-03-31', True),
    ('miyake', 'totou', '情報学研究科', 'Graduate School of Informatics', '教授', 'Professor', '2012-04-01', '', True),
    ('miyake', 'cdrn', '', '', '理事', 'Board Member', '2014-06-01', '', False),
    ('ogawa', 'mdc', '情報通信政策局 国際政策課', 'International Policy Division, Telecommunications Policy Bureau', '係長', 'Section Chief', '2004-04-01', '2013-06-30', True),
    ('ogawa', 'itcb', '政策・戦略部', 'Policy and Strategy Department', '政策アナリスト', 'Policy Analyst', '2013-07-01', '2015-06-30', True),
    ('ogawa', 'mdc', '情報通信政策局 国際政策課', 'International Policy Division, Telecommunications Policy Bureau', '課長補佐', 'Deputy Director', '2015-07-01', '2016-03-31', True),
    ('ogawa', 'hokushin', '法学部', 'Faculty of Law', '准教授', 'Associate Professor', '2016-04-01', '2021-03-31', True),
    ('ogawa', 'hokushin', '法学部', 'Faculty of Law', '教授', 'Professor', '2021-04-01', '', True),
    ('inoue', 'sakura', 'ネットワーク運用部', 'Network Operations', 'エンジニア', 'Engineer', '2010-04-01', '2015-09-30', True),
    ('inoue', 'hikari', '渉外部', 'Government Affairs', '課長', 'Manager', '2015-10-01', '2020-12-31', True),
    ('inoue', 'nagare', '法務・渉外部', 'Legal and Public Affairs', '部長', 'General Manager', '2021-01-01', '', True),
    ('matsuura', 'nisa', 'サイバーセキュリティ統括室', 'Cybersecurity Coordination Office', '参事官', 'Counsellor', '2009-04-01', '2017-03-31', True),
    ('matsuura', 'shirakaba', '', '', '執行役員', 'Executive Officer', '2017-04-01', '', True),
    ('imamura', 'shimbun', '編集局 科学技術部', 'Science and Technology Desk', '記者', 'Reporter', '2003-04-01', '2015-12-31', True),
    ('imamura', 'indie', '', '', 'フリージャーナリスト', 'Freelance journalist', '2016-01-01', '', True),
    ('okabe', 'kazami', '渉外部', 'Government Affairs', '部長', 'General Manager', '', '2012-06-30', True),
    ('okabe', 'jbia', '事務局', 'Secretariat', '事務局長', 'Secretary General', '2012-07-01', '', True),
    ('shiraishi', 'yigf', '', '', '代表', 'Coordinator', '2013-04-01', '2016-03-31', True),
    ('shiraishi', 'cdrn', '政策チーム', 'Policy Team', '政策担当', 'Policy Officer', '2016-04-01', '2020-03-31', True),
    ('shiraishi', 'pft', '事務局', 'Secretariat', '事務局長', 'Executive Director', '2020-04-01', '', True),
    ('naito', 'tix', '技術部', 'Engineering', 'エンジニア', 'Engineer', '2006-04-01', '2014-12-31', True),
    ('naito', 'hikari', 'ネットワーク運用部', 'Network Operations', '部長', 'General Manager', '2015-01-01', '', True),
    ('naito', 'dnsom', '運営委員会', 'Steering Committee', '委員', 'Member', '2010-04-01', '', False),
    ('kuwabara', 'toto', 'デジタル推進局', 'Digital Bureau', '主査', 'Senior Staff', '2010-04-01', '2016-03-31', True),
    ('kuwabara', 'mdc', 'データ流通政策課', 'Data Flow Policy Division', '課長補佐', 'Deputy Director', '2016-04-01', '2018-03-31', True),
    ('kuwabara', 'toto', 'デジタル推進局', 'Digital Bureau', '課長', 'Director', '2018-04-01', '', True),
    ('hattori', 'oepc', 'デジタル経済政策課', 'Digital Economy Policy Division', '政策アナリスト', 'Policy Analyst', '2011-09-01', '2016-08-31', True),
    ('hattori', 'ninp', '国際制度研究部', 'International Regimes Division', '主任研究員', 'Senior Researcher', '2016-09-01', '', True),
    ('mizuno', 'afa', '事務局', 'Secretariat', '事務局長', 'Secretary General', '2012-10-01', '', True),
    ('mizuno', 'its', '', '', '理事', 'Board Member', '2017-06-01', '', False),
    ('sugimoto', 'aoba', '', '', '弁護士', 'Attorney', '2009-04-01', '', True),
    ('sugimoto', 'mfp', 'サイバー政策室', 'Cyber Policy Office', '非常勤顧問', 'Part-time Adviser', '2015-04-01', '2017-03-31', False),
    ('miyazaki', 'netwatch', '編集部', 'Editorial', '記者', 'Reporter', '2012-04-01', '2018-06-30', True),
    ('miyazaki', 'mirai', '報道局 経済部', 'Economics Desk, News Division', '記者', 'Reporter', '2018-07-01', '', True),
]

# People only the task force knows (no Japanese name on record); their careers follow.
TASKFORCE_PEOPLE = [
    ('fontaine', '', '', '', '', 'Fontaine', 'Léa', 'female', 'she/her'),
    ('bernasconi', '', '', '', '', 'Bernasconi', 'Marco', 'male', ''),
]
TASKFORCE_CAREERS = [
    ('fontaine', 'itcb', '', 'Policy and Strategy Department', '', 'Programme Officer', '2012-01-01', '2019-12-31', True),
    ('fontaine', 'ldpl', '', '', '', 'Senior Researcher', '2020-01-01', '', True),
    ('bernasconi', 'ipog', '', '', '', 'Director', '2015-03-01', '', True),
]

FAMILY = [
    ('青山', 'あおやま', 'Aoyama'), ('石川', 'いしかわ', 'Ishikawa'), ('上田', 'うえだ', 'Ueda'),
    ('遠藤', 'えんどう', 'Endo'), ('大西', 'おおにし', 'Onishi'), ('加納', 'かのう', 'Kano'),
    ('北村', 'きたむら', 'Kitamura'), ('久保', 'くぼ', 'Kubo'), ('小池', 'こいけ', 'Koike'),
    ('佐久間', 'さくま', 'Sakuma'), ('柴田', 'しばた', 'Shibata'), ('須藤', 'すどう', 'Sudo'),
    ('瀬川', 'せがわ', 'Segawa'), ('高野', 'たかの', 'Takano'), ('千葉', 'ちば', 'Chiba'),
    ('土屋', 'つちや', 'Tsuchiya'), ('寺田', 'てらだ', 'Terada'), ('戸田', 'とだ', 'Toda'),
    ('中野', 'なかの', 'Nakano'), ('西田', 'にしだ', 'Nishida'), ('野口', 'のぐち', 'Noguchi'),
    ('花岡', 'はなおか', 'Hanaoka'), ('平林', 'ひらばやし', 'Hirabayashi'), ('藤井', 'ふじい', 'Fujii'),
    ('星野', 'ほしの', 'Hoshino'), ('真柴', 'ましば', 'Mashiba'), ('三好', 'みよし', 'Miyoshi'),
    ('村瀬', 'むらせ', 'Murase'), ('森下', 'もりした', 'Morishita'), ('八木', 'やぎ', 'Yagi'),
    ('湯川', 'ゆかわ', 'Yukawa'), ('吉岡', 'よしおか', 'Yoshioka'),
]

# More men than women, as in most Japanese IG meetings; a few "other" and a few never recorded ("").
GIVEN = [
    ('一真', 'かずま', 'Kazuma', 'male'), ('健', 'けん', 'Ken', 'male'), ('翔太', 'しょうた', 'Shota', 'male'),
    ('大輔', 'だいすけ', 'Daisuke', 'male'), ('浩', 'ひろし', 'Hiroshi', 'male'), ('亮', 'りょう', 'Ryo', 'male'),
    ('和也', 'かずや', 'Kazuya', 'male'), ('直樹', 'なおき', 'Naoki', 'male'), ('修', 'おさむ', 'Osamu', 'male'),
    ('剛史', 'たけし', 'Takeshi', 'male'), ('雅人', 'まさと', 'Masato', 'male'), ('拓也', 'たくや', 'Takuya', 'male'),
    ('誠司', 'せいじ', 'Seiji', 'male'), ('英明', 'ひであき', 'Hideaki', 'male'), ('隆', 'たかし', 'Takashi', 'male'),
    ('悠斗', 'ゆうと', 'Yuto', 'male'), ('俊介', 'しゅんすけ', 'Shunsuke', 'male'), ('哲也', 'てつや', 'Tetsuya', 'male'),
    ('葵', 'あおい', 'Aoi', 'female'), ('恵', 'めぐみ', 'Megumi', 'female'), ('沙織', 'さおり', 'Saori', 'female'),
    ('奈々', 'なな', 'Nana', 'female'), ('真理', 'まり', 'Mari', 'female'), ('美穂', 'みほ', 'Miho', 'female'),
    ('由紀', 'ゆき', 'Yuki', 'female'), ('千尋', 'ちひろ', 'Chihiro', 'other'), ('晴', 'はる', 'Haru', ''),
]

# (group, weight as a first job, where people of that group move next)
MOVES = [
    ('government', 5, ('academia', 'private-sector', 'intergovernmental', 'government')),
    ('private-sector', 7, ('private-sector', 'private-sector', 'technical-community', 'individual')),
    ('civil-society', 3, ('academia', 'civil-society', 'individual')),
    ('technical-community', 6, ('private-sector', 'technical-community', 'academia')),
    ('academia', 4, ('academia', 'government', 'civil-society')),
    ('intergovernmental', 1, ('government', 'academia')),
    ('media', 2, ('media', 'individual', 'private-sector')),
    ('individual', 1, ('civil-society', 'academia')),
]

DEPARTMENTS = {
    'ministry': [('情報通信政策局 国際政策課', 'International Policy Division, Telecommunications Policy Bureau'), ('サイバーセキュリティ統括室', 'Cybersecurity Coordination Office'), ('データ流通政策課', 'Data Flow Policy Division'), ('総合政策局 国際経済課', 'International Economy Division')],
    'company': [('渉外部', 'Government Affairs'), ('技術戦略本部', 'Technology Strategy'), ('法務部', 'Legal'), ('ネットワーク運用部', 'Network Operations'), ('', '')],
    'industry-association': [('政策委員会', 'Policy Committee'), ('事務局', 'Secretariat')],
    'nonprofit': [('事務局', 'Secretariat'), ('政策チーム', 'Policy Team'), ('', '')],
    'university': [('情報学研究科', 'Graduate School of Informatics'), ('法学部', 'Faculty of Law'), ('国際情報法研究センター', 'Center for International Information Law'), ('総合政策学部', 'Faculty of Policy Studies')],
    'registry': [('IPアドレス事業部', 'IP Address Services'), ('ドメイン事業部', 'Domain Name Services'), ('政策企画室', 'Policy Planning Office')],
    'international': [('電気通信開発局', 'Telecommunication Development Bureau'), ('政策・戦略部', 'Policy and Strategy Department')],
    'media-outlet': [('編集局 科学技術部', 'Science and Technology Desk'), ('報道局 経済部', 'Economics Desk, News Division')],
    'other': [('', '')],
}

TITLES = {
    'ministry': [('係長', 'Section Chief'), ('課長補佐', 'Deputy Director'), ('室長', 'Head of Office'), ('参事官', 'Counsellor')],
    'company': [('課長', 'Manager'), ('部長', 'General Manager'), ('シニアマネージャー', 'Senior Manager'), ('エンジニア', 'Engineer'), ('主席研究員', 'Principal Researcher')],
    'industry-association': [('事務局長', 'Secretary General'), ('政策部長', 'Director of Policy'), ('理事', 'Board Member')],
    'nonprofit': [('代表理事', 'Chair'), ('理事', 'Board Member'), ('政策担当', 'Policy Officer'), ('フェロー', 'Fellow')],
    'university': [('教授', 'Professor'), ('准教授', 'Associate Professor'), ('講師', 'Lecturer'), ('特任研究員', 'Project Researcher')],
    'registry': [('政策担当', 'Policy Officer'), ('エンジニア', 'Engineer'), ('理事', 'Board Member')],
    'international': [('プログラムオフィサー', 'Programme Officer'), ('政策アナリスト', 'Policy Analyst'), ('上級顧問', 'Senior Adviser')],
    'media-outlet': [('記者', 'Reporter'), ('編集委員', 'Senior Editor'), ('デスク', 'Desk Editor')],
    'other': [('コンサルタント', 'Consultant'), ('フリーランス研究者', 'Independent researcher')],
}
# fmt: on
