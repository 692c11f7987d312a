//! The app's sections: one table for the navigation and the home page's doors.

/// One section of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub path: &'static str,
    /// Its name in the navigation.
    pub nav: &'static str,
    pub icon: &'static str,
    /// Its door on the home page: the title and what it offers (none for home itself).
    pub door: Option<(&'static str, &'static str)>,
}

/// The sections, in the order the navigation and the home page show them.
pub const SECTIONS: [Section; 6] = [
    Section { path: "/", nav: "首页", icon: "home", door: None },
    Section {
        path: "/services",
        nav: "服务",
        icon: "services",
        door: Some(("服务清单", "25 项服务：权益保障、健康体检、法律援助、子女托管…")),
    },
    Section {
        path: "/courses",
        nav: "学堂",
        icon: "courses",
        door: Some(("酉新学堂", "线上微课、线下培训和技能竞赛")),
    },
    Section {
        path: "/stories",
        nav: "故事",
        icon: "stories",
        door: Some(("酉新向党", "身边的新就业群体奋斗故事")),
    },
    Section {
        path: "/stations",
        nav: "驿站",
        icon: "stations",
        door: Some(("酉新驿站", "58 个驿站和星空补给站：热水、充电、微波炉、药箱")),
    },
    Section {
        path: "/points",
        nav: "积分",
        icon: "points",
        door: Some(("积分兑换", "上报隐患、参加活动攒积分，换体检和培训")),
    },
];
