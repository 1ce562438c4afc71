//! Names, places and vocabularies a demo book is built from. Romanizations are kept next to the
//! characters so e-mail addresses and WeChat ids read like the names they belong to.

/// A Chinese city: name, landline area code.
pub const CN_CITIES: &[(&str, &str)] = &[
    ("北京", "010"),
    ("上海", "021"),
    ("深圳", "0755"),
    ("广州", "020"),
    ("杭州", "0571"),
    ("成都", "028"),
    ("武汉", "027"),
    ("南京", "025"),
    ("苏州", "0512"),
    ("西安", "029"),
    ("天津", "022"),
    ("重庆", "023"),
    ("青岛", "0532"),
    ("厦门", "0592"),
    ("长沙", "0731"),
    ("郑州", "0371"),
    ("宁波", "0574"),
    ("东莞", "0769"),
    ("佛山", "0757"),
    ("合肥", "0551"),
];

/// A city outside the mainland (or a mainland city seen from an English-speaking firm):
/// name, dialling prefix, digits in the local number.
pub const INTL_CITIES: &[(&str, &str, usize)] = &[
    ("Hong Kong", "+852", 8),
    ("Singapore", "+65", 8),
    ("Shanghai", "+86 21", 8),
    ("Shenzhen", "+86 755", 8),
    ("Kuala Lumpur", "+60 3", 8),
    ("Taipei", "+886 2", 8),
    ("Tokyo", "+81 3", 8),
    ("Seoul", "+82 2", 8),
    ("Bangkok", "+66 2", 7),
    ("Ho Chi Minh City", "+84 28", 8),
    ("Jakarta", "+62 21", 8),
    ("Sydney", "+61 2", 8),
    ("Dubai", "+971 4", 7),
    ("London", "+44 20", 8),
];

/// A brand word for Chinese company names: characters, pinyin.
pub const CN_BRANDS: &[(&str, &str)] = &[
    ("星河", "xinghe"),
    ("华信", "huaxin"),
    ("东方", "dongfang"),
    ("鼎盛", "dingsheng"),
    ("恒通", "hengtong"),
    ("瑞丰", "ruifeng"),
    ("宏达", "hongda"),
    ("金桥", "jinqiao"),
    ("天成", "tiancheng"),
    ("新纪元", "xinjiyuan"),
    ("博远", "boyuan"),
    ("嘉禾", "jiahe"),
    ("中联", "zhonglian"),
    ("永安", "yongan"),
    ("汇丰源", "huifengyuan"),
    ("蓝海", "lanhai"),
    ("长青", "changqing"),
    ("启航", "qihang"),
    ("明德", "mingde"),
    ("凯越", "kaiyue"),
    ("润泽", "runze"),
    ("云帆", "yunfan"),
    ("正邦", "zhengbang"),
    ("海纳", "haina"),
    ("卓越", "zhuoyue"),
    ("鸿运", "hongyun"),
    ("聚力", "juli"),
    ("万象", "wanxiang"),
    ("晨光", "chenguang"),
    ("远航", "yuanhang"),
    ("信达", "xinda"),
    ("华康", "huakang"),
    ("精诚", "jingcheng"),
    ("立邦", "libang"),
    ("盛世", "shengshi"),
    ("安泰", "antai"),
    ("普华", "puhua"),
    ("腾飞", "tengfei"),
    ("百川", "baichuan"),
    ("九州", "jiuzhou"),
];

/// An industry: the word in a Chinese company name, its ASCII stem for domains, the industry
/// as a Chinese book would label it, the word in an English name, the English label.
#[derive(Clone, Copy)]
pub struct Industry {
    pub cn_word: &'static str,
    pub stem: &'static str,
    pub cn_label: &'static str,
    pub en_word: &'static str,
    pub en_label: &'static str,
}

macro_rules! industries {
    ($(($cn:literal, $stem:literal, $cl:literal, $en:literal, $el:literal)),+ $(,)?) => {
        pub const INDUSTRIES: &[Industry] = &[$(Industry {
            cn_word: $cn, stem: $stem, cn_label: $cl, en_word: $en, en_label: $el,
        }),+];
    };
}

industries!(
    ("科技", "tech", "信息技术", "Technologies", "IT services"),
    ("机械", "mach", "机械制造", "Machinery", "Machinery"),
    ("电子", "elec", "电子元器件", "Electronics", "Electronics"),
    ("贸易", "trade", "进出口贸易", "Trading", "Trading"),
    ("食品", "food", "食品饮料", "Foods", "Food & beverage"),
    ("医疗器械", "med", "医疗器械", "Medical", "Medical devices"),
    ("新材料", "mat", "新材料", "Materials", "Materials"),
    ("物流", "logi", "物流运输", "Logistics", "Logistics"),
    (
        "建材",
        "build",
        "建筑材料",
        "Building Supply",
        "Construction"
    ),
    ("包装", "pack", "包装印刷", "Packaging", "Packaging"),
    (
        "汽车零部件",
        "auto",
        "汽车零部件",
        "Auto Parts",
        "Automotive"
    ),
    ("化工", "chem", "化工", "Chemicals", "Chemicals"),
    ("纺织", "tex", "纺织服装", "Textiles", "Textiles"),
    (
        "环保设备",
        "env",
        "环保设备",
        "Environmental",
        "Environmental"
    ),
    ("光电", "opto", "光电", "Optics", "Optics"),
    ("精密仪器", "inst", "仪器仪表", "Instruments", "Instruments"),
    ("家居", "home", "家居家具", "Furniture", "Furniture"),
    ("农业", "agri", "农业", "Agritech", "Agriculture"),
    ("软件", "soft", "软件", "Software", "Software"),
    ("餐饮管理", "dine", "餐饮", "Hospitality", "Hospitality"),
);

/// How a Chinese company name ends.
pub const CN_SUFFIXES: &[(&str, usize)] = &[
    ("有限公司", 70),
    ("股份有限公司", 15),
    ("集团有限公司", 8),
    ("有限公司分公司", 7),
];

pub const EN_PREFIXES: &[&str] = &[
    "Northwind",
    "Bluefin",
    "Harbourview",
    "Silverline",
    "Redwood",
    "Summit",
    "Evergreen",
    "Crescent",
    "Pinnacle",
    "Lotus",
    "Jade",
    "Meridian",
    "Orchid",
    "Kowloon",
    "Straits",
    "Pearl River",
    "Lion City",
    "Eastwind",
    "Brightwater",
    "Ironbridge",
    "Coastal",
    "Atlas",
    "Nova",
    "Sampan",
];

pub const EN_MIDDLES: &[&str] = &["", "", "", "Pacific ", "Asia ", "Global ", "Orient "];

pub const EN_SUFFIXES: &[&str] = &[
    "Ltd.",
    "Pte. Ltd.",
    "Co., Ltd.",
    "Inc.",
    "Limited",
    "Sdn. Bhd.",
    "",
];

/// Surnames with pinyin, the common ones first so a plain `pick` still feels right.
pub const CN_SURNAMES: &[(&str, &str)] = &[
    ("张", "zhang"),
    ("王", "wang"),
    ("李", "li"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("林", "lin"),
    ("高", "gao"),
    ("罗", "luo"),
    ("郑", "zheng"),
    ("梁", "liang"),
    ("谢", "xie"),
    ("宋", "song"),
    ("唐", "tang"),
    ("韩", "han"),
    ("冯", "feng"),
    ("邓", "deng"),
    ("曹", "cao"),
    ("彭", "peng"),
    ("曾", "zeng"),
    ("肖", "xiao"),
    ("董", "dong"),
    ("袁", "yuan"),
    ("潘", "pan"),
    ("蒋", "jiang"),
    ("蔡", "cai"),
    ("欧阳", "ouyang"),
];

pub const CN_GIVEN: &[(&str, &str)] = &[
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("秀英", "xiuying"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("霞", "xia"),
    ("建华", "jianhua"),
    ("志强", "zhiqiang"),
    ("晓明", "xiaoming"),
    ("海燕", "haiyan"),
    ("子涵", "zihan"),
    ("一鸣", "yiming"),
    ("欣怡", "xinyi"),
    ("浩然", "haoran"),
    ("雨桐", "yutong"),
    ("佳琪", "jiaqi"),
    ("俊杰", "junjie"),
    ("思远", "siyuan"),
    ("文博", "wenbo"),
    ("婷婷", "tingting"),
    ("晨曦", "chenxi"),
    ("国庆", "guoqing"),
];

pub const EN_FIRST: &[&str] = &[
    "Michael", "Sarah", "David", "Emily", "James", "Grace", "Daniel", "Rachel", "Kevin",
    "Jennifer", "Andrew", "Michelle", "Jason", "Vivian", "Eric", "Cindy", "Peter", "Karen", "Ryan",
    "Joyce", "Alan", "Winnie", "Priya", "Raj", "Hiroshi", "Mei", "Ahmad", "Nurul", "Sven", "Chloé",
];

pub const EN_LAST: &[&str] = &[
    "Chen", "Lim", "Tan", "Wong", "Lee", "Ng", "Smith", "Brown", "Patel", "Kumar", "Nguyen",
    "Park", "Kim", "Tanaka", "Müller", "Garcia", "Rossi", "O'Brien", "Walker", "Ho",
];

pub const CN_TITLES: &[&str] = &[
    "总经理",
    "副总经理",
    "采购经理",
    "采购专员",
    "技术总监",
    "财务经理",
    "销售总监",
    "厂长",
    "项目经理",
    "行政主管",
];

pub const EN_TITLES: &[&str] = &[
    "Managing Director",
    "Purchasing Manager",
    "Procurement Lead",
    "CTO",
    "Finance Manager",
    "Operations Director",
    "Head of Sourcing",
    "Project Manager",
    "Office Manager",
];

pub const CN_TAGS: &[&str] = &[
    "重点客户",
    "老客户",
    "展会",
    "转介绍",
    "待回款",
    "价格敏感",
    "新品试用",
    "华东区",
    "华南区",
    "经销商",
];

pub const EN_TAGS: &[&str] = &[
    "vip",
    "referral",
    "trade-show",
    "distributor",
    "price-sensitive",
    "key-account",
    "sample-sent",
    "export",
];

pub const CN_LEAD_SOURCES: &[&str] = &[
    "展会",
    "老客户介绍",
    "官网",
    "电话开发",
    "陌拜",
    "阿里巴巴",
    "行业协会",
    "微信群",
];

pub const EN_LEAD_SOURCES: &[&str] = &[
    "trade show",
    "referral",
    "website",
    "cold call",
    "LinkedIn",
    "partner",
    "Canton Fair",
];

pub const CN_ROADS: &[&str] = &[
    "人民路",
    "建设路",
    "解放路",
    "中山路",
    "科技路",
    "长江路",
    "高新大道",
    "工业园路",
    "滨江大道",
    "创业路",
];

pub const EN_ROADS: &[&str] = &[
    "Harbour Road",
    "Queen's Road Central",
    "Orchard Road",
    "Jalan Ampang",
    "Raffles Place",
    "Nathan Road",
    "Century Avenue",
    "Sukhumvit Road",
];

pub const CN_MOBILE_PREFIXES: &[&str] = &[
    "138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188",
    "130", "131", "132", "155", "156", "133", "153", "177", "180", "181", "189", "199",
];
