//! 更多: the sections without a tab of their own — the story column and the
//! programme's honours, voice and activities — one tap from the tab bar.

use leptos::prelude::*;

use crate::components::{page_texts, Door, Doors};

/// Each door: where it leads, its title and what it offers.
const DOORS: [Door; 6] = [
    ("/stories", "酉新向党", "新经济组织、新社会组织和新就业群体的奋斗故事"),
    ("/honours", "荣誉榜", "志愿者先锋、党员先锋岗、岗位标兵，还可以推荐身边的榜样"),
    ("/knights", "先锋骑士团", "业务骨干参与社区议事和政策制定，欢迎申请加入"),
    ("/voice", "社区议事", "社区和部门想听听你的意见：停车、驿站、通行……"),
    ("/activities", "活动", "节日慰问会、流动子女暑托班、专项培训，在线报名"),
    ("/about", "关于行动", "“酉新送暖·阳光同行”是什么：25 项服务、18 项子行动"),
];

#[component]
pub fn More() -> impl IntoView {
    page_texts::MORE.use_page_meta();
    view! {
        {page_texts::MORE.header()}
        <Doors label="更多栏目" class="doors" doors=&DOORS />
    }
}
