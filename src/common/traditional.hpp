// Traditional characters read as simplified (SPEC §8 "Characters"). The table
// was written by hand for shixian: the traditional forms that occur in time
// rules (個 內 後 週 號 時 屆 滿 …), in 主动公开基本目录 vocabulary (審 議 辦 項
// 資 財 …, the column headers, 《中華人民共和國政府信息公開條例》) and in
// the common words around them, each with its one simplified reading. It
// leaves out characters that are also ordinary simplified characters with
// another meaning (乾 著 瞭 覆 葉 隻 夥), so folding never changes simplified
// text. Keys are sorted by code point: fold_traditional is a binary search,
// behind a bitmap so that the common case (a simplified character) costs one
// load.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

namespace shixian::detail {

struct TraditionalPair {
  char32_t traditional, simplified;
};

inline constexpr TraditionalPair kTraditional[] = {
    {U'並', U'并'}, {U'佈', U'布'}, {U'佔', U'占'}, {U'併', U'并'}, {U'來', U'来'}, {U'係', U'系'}, {U'倉', U'仓'}, {U'個', U'个'},
    {U'們', U'们'}, {U'側', U'侧'}, {U'偽', U'伪'}, {U'備', U'备'}, {U'傳', U'传'}, {U'債', U'债'}, {U'傷', U'伤'}, {U'僅', U'仅'},
    {U'僞', U'伪'}, {U'僱', U'雇'}, {U'價', U'价'}, {U'儀', U'仪'}, {U'億', U'亿'}, {U'償', U'偿'}, {U'優', U'优'}, {U'儲', U'储'},
    {U'兒', U'儿'}, {U'內', U'内'}, {U'兩', U'两'}, {U'冊', U'册'}, {U'則', U'则'}, {U'剛', U'刚'}, {U'創', U'创'}, {U'劃', U'划'},
    {U'劑', U'剂'}, {U'動', U'动'}, {U'務', U'务'}, {U'勝', U'胜'}, {U'勞', U'劳'}, {U'勢', U'势'}, {U'勵', U'励'}, {U'匯', U'汇'},
    {U'區', U'区'}, {U'協', U'协'}, {U'卻', U'却'}, {U'厲', U'厉'}, {U'參', U'参'}, {U'員', U'员'}, {U'問', U'问'}, {U'啟', U'启'},
    {U'單', U'单'}, {U'嚮', U'向'}, {U'嚴', U'严'}, {U'國', U'国'}, {U'圍', U'围'}, {U'園', U'园'}, {U'圓', U'圆'}, {U'圖', U'图'},
    {U'團', U'团'}, {U'執', U'执'}, {U'堅', U'坚'}, {U'報', U'报'}, {U'場', U'场'}, {U'塊', U'块'}, {U'壇', U'坛'}, {U'壓', U'压'},
    {U'壞', U'坏'}, {U'夠', U'够'}, {U'奪', U'夺'}, {U'奬', U'奖'}, {U'奮', U'奋'}, {U'婦', U'妇'}, {U'學', U'学'}, {U'實', U'实'},
    {U'寧', U'宁'}, {U'審', U'审'}, {U'寫', U'写'}, {U'寬', U'宽'}, {U'寶', U'宝'}, {U'將', U'将'}, {U'專', U'专'}, {U'尋', U'寻'},
    {U'對', U'对'}, {U'導', U'导'}, {U'屆', U'届'}, {U'層', U'层'}, {U'屬', U'属'}, {U'帳', U'账'}, {U'帶', U'带'}, {U'幣', U'币'},
    {U'幫', U'帮'}, {U'幹', U'干'}, {U'幾', U'几'}, {U'庫', U'库'}, {U'廠', U'厂'}, {U'廢', U'废'}, {U'廣', U'广'}, {U'廳', U'厅'},
    {U'張', U'张'}, {U'彙', U'汇'}, {U'後', U'后'}, {U'徑', U'径'}, {U'從', U'从'}, {U'復', U'复'}, {U'徵', U'征'}, {U'徹', U'彻'},
    {U'恆', U'恒'}, {U'惡', U'恶'}, {U'愛', U'爱'}, {U'態', U'态'}, {U'慣', U'惯'}, {U'慮', U'虑'}, {U'慶', U'庆'}, {U'憂', U'忧'},
    {U'憑', U'凭'}, {U'憲', U'宪'}, {U'應', U'应'}, {U'懲', U'惩'}, {U'懷', U'怀'}, {U'戰', U'战'}, {U'戶', U'户'}, {U'掃', U'扫'},
    {U'掛', U'挂'}, {U'採', U'采'}, {U'換', U'换'}, {U'揮', U'挥'}, {U'損', U'损'}, {U'搶', U'抢'}, {U'撥', U'拨'}, {U'撫', U'抚'},
    {U'擁', U'拥'}, {U'擇', U'择'}, {U'擊', U'击'}, {U'擔', U'担'}, {U'據', U'据'}, {U'擬', U'拟'}, {U'擴', U'扩'}, {U'擺', U'摆'},
    {U'擾', U'扰'}, {U'攜', U'携'}, {U'攝', U'摄'}, {U'數', U'数'}, {U'斷', U'断'}, {U'於', U'于'}, {U'時', U'时'}, {U'晝', U'昼'},
    {U'暫', U'暂'}, {U'曆', U'历'}, {U'書', U'书'}, {U'會', U'会'}, {U'東', U'东'}, {U'條', U'条'}, {U'業', U'业'}, {U'極', U'极'},
    {U'構', U'构'}, {U'樓', U'楼'}, {U'標', U'标'}, {U'樣', U'样'}, {U'樹', U'树'}, {U'橋', U'桥'}, {U'機', U'机'}, {U'橫', U'横'},
    {U'檔', U'档'}, {U'檢', U'检'}, {U'櫃', U'柜'}, {U'欄', U'栏'}, {U'權', U'权'}, {U'歡', U'欢'}, {U'歲', U'岁'}, {U'歷', U'历'},
    {U'歸', U'归'}, {U'殘', U'残'}, {U'毀', U'毁'}, {U'氣', U'气'}, {U'決', U'决'}, {U'沒', U'没'}, {U'況', U'况'}, {U'減', U'减'},
    {U'測', U'测'}, {U'準', U'准'}, {U'溝', U'沟'}, {U'滯', U'滞'}, {U'滿', U'满'}, {U'漢', U'汉'}, {U'漲', U'涨'}, {U'潔', U'洁'},
    {U'濟', U'济'}, {U'濫', U'滥'}, {U'瀏', U'浏'}, {U'災', U'灾'}, {U'為', U'为'}, {U'無', U'无'}, {U'煙', U'烟'}, {U'熱', U'热'},
    {U'營', U'营'}, {U'爭', U'争'}, {U'爾', U'尔'}, {U'牽', U'牵'}, {U'狀', U'状'}, {U'獎', U'奖'}, {U'獨', U'独'}, {U'獲', U'获'},
    {U'獻', U'献'}, {U'現', U'现'}, {U'環', U'环'}, {U'產', U'产'}, {U'畝', U'亩'}, {U'畢', U'毕'}, {U'畫', U'画'}, {U'異', U'异'},
    {U'當', U'当'}, {U'療', U'疗'}, {U'癥', U'症'}, {U'發', U'发'}, {U'盡', U'尽'}, {U'監', U'监'}, {U'盤', U'盘'}, {U'眾', U'众'},
    {U'確', U'确'}, {U'碼', U'码'}, {U'礎', U'础'}, {U'礙', U'碍'}, {U'礦', U'矿'}, {U'禍', U'祸'}, {U'禦', U'御'}, {U'禮', U'礼'},
    {U'稅', U'税'}, {U'種', U'种'}, {U'稱', U'称'}, {U'積', U'积'}, {U'穩', U'稳'}, {U'穫', U'获'}, {U'窮', U'穷'}, {U'競', U'竞'},
    {U'筆', U'笔'}, {U'節', U'节'}, {U'範', U'范'}, {U'築', U'筑'}, {U'簡', U'简'}, {U'簽', U'签'}, {U'籌', U'筹'}, {U'糧', U'粮'},
    {U'糾', U'纠'}, {U'紀', U'纪'}, {U'約', U'约'}, {U'納', U'纳'}, {U'紙', U'纸'}, {U'級', U'级'}, {U'紛', U'纷'}, {U'細', U'细'},
    {U'紹', U'绍'}, {U'終', U'终'}, {U'組', U'组'}, {U'結', U'结'}, {U'絕', U'绝'}, {U'絡', U'络'}, {U'給', U'给'}, {U'統', U'统'},
    {U'經', U'经'}, {U'綜', U'综'}, {U'綠', U'绿'}, {U'維', U'维'}, {U'綱', U'纲'}, {U'網', U'网'}, {U'緊', U'紧'}, {U'線', U'线'},
    {U'締', U'缔'}, {U'緣', U'缘'}, {U'編', U'编'}, {U'緩', U'缓'}, {U'練', U'练'}, {U'縣', U'县'}, {U'縮', U'缩'}, {U'縱', U'纵'},
    {U'總', U'总'}, {U'績', U'绩'}, {U'織', U'织'}, {U'繫', U'系'}, {U'繳', U'缴'}, {U'繼', U'继'}, {U'續', U'续'}, {U'罰', U'罚'},
    {U'罷', U'罢'}, {U'羣', U'群'}, {U'義', U'义'}, {U'習', U'习'}, {U'聞', U'闻'}, {U'聯', U'联'}, {U'聲', U'声'}, {U'職', U'职'},
    {U'聽', U'听'}, {U'肅', U'肃'}, {U'脫', U'脱'}, {U'腦', U'脑'}, {U'臨', U'临'}, {U'臺', U'台'}, {U'與', U'与'}, {U'興', U'兴'},
    {U'舉', U'举'}, {U'舊', U'旧'}, {U'艱', U'艰'}, {U'莊', U'庄'}, {U'華', U'华'}, {U'萬', U'万'}, {U'蓋', U'盖'}, {U'藝', U'艺'},
    {U'藥', U'药'}, {U'處', U'处'}, {U'虛', U'虚'}, {U'號', U'号'}, {U'術', U'术'}, {U'衛', U'卫'}, {U'衝', U'冲'}, {U'裏', U'里'},
    {U'補', U'补'}, {U'裝', U'装'}, {U'裡', U'里'}, {U'製', U'制'}, {U'複', U'复'}, {U'見', U'见'}, {U'規', U'规'}, {U'視', U'视'},
    {U'親', U'亲'}, {U'覺', U'觉'}, {U'覽', U'览'}, {U'觀', U'观'}, {U'觸', U'触'}, {U'訂', U'订'}, {U'計', U'计'}, {U'訊', U'讯'},
    {U'討', U'讨'}, {U'託', U'托'}, {U'記', U'记'}, {U'訟', U'讼'}, {U'訪', U'访'}, {U'設', U'设'}, {U'許', U'许'}, {U'訴', U'诉'},
    {U'診', U'诊'}, {U'註', U'注'}, {U'詐', U'诈'}, {U'評', U'评'}, {U'詞', U'词'}, {U'詢', U'询'}, {U'試', U'试'}, {U'話', U'话'},
    {U'該', U'该'}, {U'詳', U'详'}, {U'誌', U'志'}, {U'認', U'认'}, {U'語', U'语'}, {U'誠', U'诚'}, {U'誤', U'误'}, {U'說', U'说'},
    {U'課', U'课'}, {U'調', U'调'}, {U'談', U'谈'}, {U'請', U'请'}, {U'論', U'论'}, {U'諮', U'咨'}, {U'諾', U'诺'}, {U'謀', U'谋'},
    {U'謂', U'谓'}, {U'講', U'讲'}, {U'謝', U'谢'}, {U'證', U'证'}, {U'識', U'识'}, {U'譯', U'译'}, {U'議', U'议'}, {U'護', U'护'},
    {U'譽', U'誉'}, {U'讀', U'读'}, {U'變', U'变'}, {U'讓', U'让'}, {U'負', U'负'}, {U'財', U'财'}, {U'貢', U'贡'}, {U'貧', U'贫'},
    {U'貨', U'货'}, {U'貫', U'贯'}, {U'責', U'责'}, {U'買', U'买'}, {U'貸', U'贷'}, {U'費', U'费'}, {U'貼', U'贴'}, {U'貿', U'贸'},
    {U'資', U'资'}, {U'賠', U'赔'}, {U'賣', U'卖'}, {U'賦', U'赋'}, {U'質', U'质'}, {U'賬', U'账'}, {U'購', U'购'}, {U'賽', U'赛'},
    {U'贈', U'赠'}, {U'贊', U'赞'}, {U'趕', U'赶'}, {U'趨', U'趋'}, {U'跡', U'迹'}, {U'踐', U'践'}, {U'蹤', U'踪'}, {U'躍', U'跃'},
    {U'車', U'车'}, {U'軌', U'轨'}, {U'軍', U'军'}, {U'較', U'较'}, {U'載', U'载'}, {U'輔', U'辅'}, {U'輕', U'轻'}, {U'輪', U'轮'},
    {U'輯', U'辑'}, {U'輸', U'输'}, {U'轄', U'辖'}, {U'轉', U'转'}, {U'辦', U'办'}, {U'辭', U'辞'}, {U'農', U'农'}, {U'這', U'这'},
    {U'連', U'连'}, {U'週', U'周'}, {U'進', U'进'}, {U'運', U'运'}, {U'過', U'过'}, {U'達', U'达'}, {U'違', U'违'}, {U'遞', U'递'},
    {U'遠', U'远'}, {U'適', U'适'}, {U'遲', U'迟'}, {U'遷', U'迁'}, {U'選', U'选'}, {U'遺', U'遗'}, {U'還', U'还'}, {U'邊', U'边'},
    {U'郵', U'邮'}, {U'鄉', U'乡'}, {U'鄰', U'邻'}, {U'醫', U'医'}, {U'釋', U'释'}, {U'針', U'针'}, {U'銀', U'银'}, {U'銷', U'销'},
    {U'鋪', U'铺'}, {U'錄', U'录'}, {U'錢', U'钱'}, {U'錯', U'错'}, {U'鍵', U'键'}, {U'鎮', U'镇'}, {U'鏈', U'链'}, {U'鐘', U'钟'},
    {U'鐵', U'铁'}, {U'鑑', U'鉴'}, {U'鑒', U'鉴'}, {U'長', U'长'}, {U'門', U'门'}, {U'閉', U'闭'}, {U'開', U'开'}, {U'間', U'间'},
    {U'閱', U'阅'}, {U'關', U'关'}, {U'闡', U'阐'}, {U'陣', U'阵'}, {U'陰', U'阴'}, {U'陳', U'陈'}, {U'陸', U'陆'}, {U'陽', U'阳'},
    {U'隊', U'队'}, {U'階', U'阶'}, {U'際', U'际'}, {U'隨', U'随'}, {U'險', U'险'}, {U'隱', U'隐'}, {U'雖', U'虽'}, {U'雙', U'双'},
    {U'雜', U'杂'}, {U'離', U'离'}, {U'難', U'难'}, {U'雲', U'云'}, {U'電', U'电'}, {U'靈', U'灵'}, {U'靜', U'静'}, {U'響', U'响'},
    {U'頁', U'页'}, {U'頂', U'顶'}, {U'項', U'项'}, {U'順', U'顺'}, {U'須', U'须'}, {U'預', U'预'}, {U'頒', U'颁'}, {U'領', U'领'},
    {U'頭', U'头'}, {U'頻', U'频'}, {U'題', U'题'}, {U'額', U'额'}, {U'願', U'愿'}, {U'類', U'类'}, {U'顧', U'顾'}, {U'顯', U'显'},
    {U'風', U'风'}, {U'飛', U'飞'}, {U'飾', U'饰'}, {U'養', U'养'}, {U'餘', U'余'}, {U'館', U'馆'}, {U'駐', U'驻'}, {U'騰', U'腾'},
    {U'驅', U'驱'}, {U'驗', U'验'}, {U'驚', U'惊'}, {U'驟', U'骤'}, {U'體', U'体'}, {U'鬆', U'松'}, {U'鬥', U'斗'}, {U'麼', U'么'},
    {U'黃', U'黄'}, {U'點', U'点'}, {U'黨', U'党'}, {U'齊', U'齐'}, {U'齡', U'龄'},
};

// Every key lies in the CJK Unified Ideographs block.
inline constexpr char32_t kTraditionalFirst = 0x4E00, kTraditionalLast = 0x9FFF;

inline constexpr auto kTraditionalBits = [] {
  std::array<std::uint64_t, (kTraditionalLast - kTraditionalFirst) / 64 + 1> bits{};
  for (const auto& p : kTraditional) {
    const char32_t k = p.traditional - kTraditionalFirst;
    bits[k / 64] |= std::uint64_t{1} << (k % 64);
  }
  return bits;
}();

static_assert(
    [] {
      for (std::size_t i = 0; i < std::size(kTraditional); ++i) {
        const auto& p = kTraditional[i];
        if (p.traditional < kTraditionalFirst || p.traditional > kTraditionalLast) return false;
        if (i > 0 && kTraditional[i - 1].traditional >= p.traditional) return false;  // sorted, no duplicates
        const char32_t s = p.simplified - kTraditionalFirst;
        if (p.simplified >= kTraditionalFirst && p.simplified <= kTraditionalLast &&
            (kTraditionalBits[s / 64] >> (s % 64) & 1))
          return false;  // a simplified reading is never itself a key: folding is idempotent
      }
      return true;
    }(),
    "kTraditional must be sorted, unique, inside CJK Unified Ideographs and never map onto a key");

/// The simplified reading of a traditional character; any other character unchanged.
constexpr char32_t fold_traditional(char32_t c) {
  if (c < kTraditionalFirst || c > kTraditionalLast) return c;
  const char32_t k = c - kTraditionalFirst;
  if (!(kTraditionalBits[k / 64] >> (k % 64) & 1)) return c;
  const auto* p = std::lower_bound(std::begin(kTraditional), std::end(kTraditional), c,
                                   [](const TraditionalPair& e, char32_t v) { return e.traditional < v; });
  return p->simplified;
}

}  // namespace shixian::detail
